# Warnings live on one INTERFACE target that each of our targets links PRIVATE, so third-party code
# and consumers never inherit them.
set(CONNDIAG_WARNING_FLAGS
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
  list(APPEND CONNDIAG_WARNING_FLAGS -Werror)
endif()

add_library(conndiag_warnings INTERFACE)
add_library(conndiag::warnings ALIAS conndiag_warnings)
target_compile_options(conndiag_warnings INTERFACE ${CONNDIAG_WARNING_FLAGS})

# Tests: the same, less -Wnull-dereference, which GCC 12 at -O3 raises inside std::variant copies
# (Catch2 assertions on std::get) where no null can occur.
set(_test_flags ${CONNDIAG_WARNING_FLAGS})
list(REMOVE_ITEM _test_flags -Wnull-dereference)
add_library(conndiag_test_warnings INTERFACE)
add_library(conndiag::test_warnings ALIAS conndiag_test_warnings)
target_compile_options(conndiag_test_warnings INTERFACE ${_test_flags})
