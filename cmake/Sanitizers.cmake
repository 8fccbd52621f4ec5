# ASan + UBSan for the asan preset, TSan for the tsan one: applied to our targets through one INTERFACE target.
add_library(conndiag_sanitizers INTERFACE)
add_library(conndiag::sanitizers ALIAS conndiag_sanitizers)
if(CONNDIAG_FUZZ)
  # Coverage for libFuzzer in every object, the fuzzer's main only in the fuzz targets.
  target_compile_options(conndiag_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
  target_link_options(conndiag_sanitizers INTERFACE -fsanitize=address,undefined)
elseif(CONNDIAG_SANITIZE)
  target_compile_options(conndiag_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(conndiag_sanitizers INTERFACE -fsanitize=address,undefined)
elseif(CONNDIAG_TSAN)
  # The log reader's second thread, and the classifier's lazily built parts shared between threads.
  target_compile_options(conndiag_sanitizers INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(conndiag_sanitizers INTERFACE -fsanitize=thread)
endif()
