# Third-party headers: Boost.Regex and nlohmann/json.
# Emscripten's sysroot hides /usr/include, so em++ gets a build-dir folder of symlinks to just these two.
add_library(conndiag_thirdparty INTERFACE)
add_library(conndiag::thirdparty ALIAS conndiag_thirdparty)
if(EMSCRIPTEN)
  set(_shim "${CMAKE_BINARY_DIR}/thirdparty-include")
  file(MAKE_DIRECTORY "${_shim}")
  foreach(_dir boost nlohmann)
    if(NOT EXISTS "${_shim}/${_dir}")
      file(CREATE_LINK "/usr/include/${_dir}" "${_shim}/${_dir}" SYMBOLIC)
    endif()
  endforeach()
  target_include_directories(conndiag_thirdparty SYSTEM INTERFACE "${_shim}")
else()
  # A minimum, not an exact version: Boost.Regex is header-only from 1.76 on (tested here with Debian 12's 1.81).
  find_package(Boost 1.76 REQUIRED)
  find_package(nlohmann_json 3.10 REQUIRED)
  target_link_libraries(conndiag_thirdparty INTERFACE Boost::headers nlohmann_json::nlohmann_json)
endif()
