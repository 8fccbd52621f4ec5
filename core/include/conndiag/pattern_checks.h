// When a knowledge base's regular expressions are compiled (Classifier::FromJson).
#pragma once

namespace conndiag {

// Compiling every regex was a third of a load in a profile of Chromium's first load (its code not yet
// optimized; a tenth in Node's), and a paste needs only the few its literals let through.
enum class PatternChecks {
  kAtLoad,      // every regex compiled and checked while loading: a bad one refuses the load
  kOnFirstUse,  // each compiled when a text first needs it. Only for a knowledge base whose patterns were
                // all checked already (the built-in one, which its tests load with kAtLoad): a regex
                // that does not compile is then skipped with a warning, as one that needs too much work is.
};

}  // namespace conndiag
