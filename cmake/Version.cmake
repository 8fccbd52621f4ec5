# Stamps the project version and the git revision into a generated header at configure time.
find_package(Git QUIET)
set(CONNDIAG_GIT_REVISION "unknown")
if(GIT_FOUND AND EXISTS "${CMAKE_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=12 HEAD
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}" OUTPUT_VARIABLE CONNDIAG_GIT_REVISION
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT CONNDIAG_GIT_REVISION)
    set(CONNDIAG_GIT_REVISION "unknown")
  endif()
  # Re-run configure when HEAD moves so the stamp does not go stale.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/.git/HEAD")
  if(EXISTS "${CMAKE_SOURCE_DIR}/.git/refs/heads/main")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/.git/refs/heads/main")
  endif()
endif()
configure_file("${CMAKE_SOURCE_DIR}/cmake/version.h.in" "${CMAKE_BINARY_DIR}/generated/conndiag/version.h" @ONLY)
