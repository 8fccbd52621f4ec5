# The Debian package (CPack, `cpack -G DEB` in the native build): the command and its man page, the knowledge
# base and its schema under share/conndiag, and — when CONNDIAG_RELEASE_WEB_DIR names a wasm build's dist
# folder, as scripts/release sets it — the hosted folder (share/conndiag/site) and the offline page.
set(CONNDIAG_RELEASE_WEB_DIR "" CACHE PATH "build/wasm/dist of a wasm build, packaged under share/conndiag")
install(FILES "${CMAKE_SOURCE_DIR}/data/kb.json" "${CMAKE_SOURCE_DIR}/data/kb.schema.json" DESTINATION share/conndiag)
install(FILES "${CMAKE_SOURCE_DIR}/LICENSE" DESTINATION share/doc/conndiag RENAME copyright)
if(CONNDIAG_RELEASE_WEB_DIR)
  install(DIRECTORY "${CONNDIAG_RELEASE_WEB_DIR}/site/" DESTINATION share/conndiag/site)
  install(FILES "${CONNDIAG_RELEASE_WEB_DIR}/conndiag.html" DESTINATION share/conndiag)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME conndiag)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "the conndiag authors")
set(CPACK_PACKAGE_CONTACT "the conndiag authors <conndiag@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "diagnose Microsoft Defender for Cloud Apps app-connector errors")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
# What the command links against, as Debian 12 names it (set by hand: dpkg-shlibdeps is not on a build
# machine that only has what scripts/setup installs).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1 (>= 3.0)")
include(CPack)
