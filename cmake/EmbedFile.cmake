# Run as `cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P EmbedFile.cmake`: writes a .cpp that holds the
# input file as a byte array, so that the CLI (and the tests, benchmarks and fuzzers) carry the built-in
# knowledge base with no file I/O. The wasm module does not: the page hands it the knowledge base as text.
file(READ "${INPUT}" _hex HEX)
string(LENGTH "${_hex}" _len)
math(EXPR _bytes "${_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," _array "${_hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" _array "${_array}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by cmake/EmbedFile.cmake; do not edit.\n#include <cstddef>\n#include <string_view>\n\nnamespace conndiag {\nnamespace {\nconstexpr unsigned char kBytes[] = {\n${_array}0};\n}  // namespace\nstd::string_view ${SYMBOL}() {\n  return {reinterpret_cast<const char*>(kBytes), ${_bytes}};\n}\n}  // namespace conndiag\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
