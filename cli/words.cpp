// The command's words in English and French, and English for any other language.
#include "words.h"

#include "conndiag/words_table.h"

namespace conndiag::cli {
namespace {

const Words kEnglish = {
    ": ", "; ", "likely", "possible", "weak", "Cause", "Fix", "Why", "Fields",
    "No known connector error matched.",
    "No confident match: the text fits several rows or matches weakly.",
    "Try: paste the whole error, including the exception name and any JSON; or name the app with --app.",
    "More", "warning", "{1} distinct problem(s) in {2} line(s)", "line",
    "No known connector error found in the log ({1} line(s)).",
    "Code", "What the text says",
    "Not recognized: {1} error line(s) ({2} distinct), for example",
    "not sure: it fits several apps or matches weakly; diagnose it alone with --app",
    "Not the right answer? Report it to {1}",
    // Rows of Microsoft's table: the page and when the row was checked against it.
    "Source", "checked {1}", "not on the page as of {1}",
};

const Words kFrench = {
    " : ", " ; ", "probable", "possible", "faible", "Cause", "Solution", "Pourquoi", "Champs",
    "Aucune erreur de connecteur connue ne correspond.",
    "Aucune correspondance sûre : le texte convient à plusieurs lignes ou correspond faiblement.",
    "Essayez : collez l'erreur entière, avec le nom de l'exception et le JSON éventuel ; ou précisez "
    "l'application avec --app.",
    "Plus d'infos", "avertissement", "{1} problème(s) distinct(s) dans {2} ligne(s)", "ligne",
    "Aucune erreur de connecteur connue dans le journal ({1} ligne(s)).",
    "Code", "Ce que dit le texte",
    "Non reconnues : {1} ligne(s) d'erreur ({2} distincte(s)), par exemple",
    "incertain : convient à plusieurs applications ou correspond faiblement ; diagnostiquez-le seul avec --app",
    "Pas la bonne réponse\u00a0? Signalez-la à {1}",
    // Rows of Microsoft's table: the page and when the row was checked against it.
    "Source", "vérifiée le {1}", "absente de la page au {1}",
};

constexpr WordsTable<Words, 2> kCliWords({{{"en", &kEnglish}, {"fr", &kFrench}}});

}  // namespace

const Words& WordsFor(std::string_view lang) { return kCliWords.For(lang); }

std::vector<std::string> MissingWordWarnings(const std::vector<std::string>& languages) {
  return kCliWords.MissingWarnings(languages, "the command's headings and messages");
}

}  // namespace conndiag::cli
