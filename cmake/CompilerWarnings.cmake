# Warnings live on one INTERFACE target that each of our targets links PRIVATE, so third-party code
# and consumers never inherit them.
add_library(conndiag_warnings INTERFACE)
add_library(conndiag::warnings ALIAS conndiag_warnings)
target_compile_options(conndiag_warnings INTERFACE
  -Wall                 # the common set
  -Wextra               # unused parameters, missing initializers
  -Wpedantic            # stay within ISO C++
  -Wshadow              # a local hiding a member or outer name is a bug waiting
  -Wconversion          # byte offsets are size_t; silent narrowing corrupts spans
  -Wsign-conversion     # the same, for signed/unsigned mixes
  -Wnon-virtual-dtor    # no accidental slicing destructors
  -Wold-style-cast      # casts should be visible and searchable
  -Wcast-align          # wasm and native disagree on alignment
  -Woverloaded-virtual  # a hidden overload is almost always a mistake
  -Wnull-dereference    # cheap to check
  -Wdouble-promotion    # scores are double throughout; float creeping in loses precision
  -Wimplicit-fallthrough # switch fall-through must be written down
)
if(CONNDIAG_WARNINGS_AS_ERRORS)
  target_compile_options(conndiag_warnings INTERFACE -Werror)
endif()
