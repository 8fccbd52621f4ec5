// A knowledge base prepared at build time (internal to core): what loading its JSON computes (the entries
// read and checked, each pattern's literals found, the literal table), written once so that a page's load
// only reads it back.
// Loading the JSON in the module ran its parser, checks and literal analysis once each at start, in the
// browser's baseline code, and set off optimizing recompiles of all of it on the machine's other threads.
//
// The layout, in the order written (numbers are varints, texts as prepared_bytes.h writes them):
//   "CDKB", format, the JSON's size and fingerprint
//   the knowledge base (Fields below, field by field)
//   the literal table: texts, word starts, digits after; how many of them the patterns use
//   every distinct pattern once: source, plain alternatives, literal ids, also ids, prefix
//   for each signature of each entry: its patterns' and hints' indexes in that list
//   each app clue's literal id
#pragma once

#include <concepts>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "conndiag/knowledge_base.h"
#include "plain_pattern.h"

namespace conndiag::prepared {

inline constexpr std::string_view kMagic = "CDKB";
// Raised whenever the layout or the meaning of a prepared field changes: a page never reads another
// build's file as its own (the site's files come from one build, but a folder can be copied over another).
inline constexpr std::uint64_t kFormat = 1;

template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

// Each struct's fields, once, for writing (const) and reading alike. A field added to one of these structs
// must be added here (and kFormat raised): prepared_kb_test compares the whole knowledge base read back with
// the one loaded from the JSON, struct by struct, and fails on a field left out.
template <class A, Is<App> T>
bool Fields(A& a, T& x) {
  return a(x.key) && a(x.name) && a(x.clues);
}
template <class A, Is<Signature> T>
bool Fields(A& a, T& x) {
  return a(x.id) && a(x.name) && a(x.status) && a(x.patterns) && a(x.hints) && a(x.sources) && a(x.examples) &&
         a(x.decisive) && a(x.weak) && a(x.path);
}
template <class A, Is<Reference> T>
bool Fields(A& a, T& x) {
  return a(x.url) && a(x.checked) && a(x.missing) && a(x.revision);
}
template <class A, Is<Entry> T>
bool Fields(A& a, T& x) {
  return a(x.id) && a(x.row) && a(x.source) && a(x.apps) && a(x.kind) && a(x.action) && a(x.message) &&
         a(x.signatures) && a(x.cause) && a(x.fix) && a(x.link) && a(x.sources) && a(x.reference) && a(x.same_event) &&
         a(x.fallback);
}
template <class A, Is<KnowledgeBase> T>
bool Fields(A& a, T& x) {
  return a(x.version) && a(x.languages) && a(x.apps) && a(x.entries);
}
template <class A, Is<PlainPattern::Alternative> T>
bool Fields(A& a, T& x) {
  return a(x.literal.text) && a(x.literal.rare) && a(x.boundary_before) && a(x.boundary_after);
}

}  // namespace conndiag::prepared
