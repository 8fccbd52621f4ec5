// The core's localized words: a table per language, and English for a language without one.
#include "words.h"

#include "conndiag/words_table.h"


namespace conndiag {
namespace {

const CoreWords kEnglish = {
    {
        "matched “{1}”",
        "app: {1} (chosen)",
        "app: {1}, from “{2}”",
        "applies to every app",
        "app: not named in the text",
        "the text points to {1}, not {2}",
        "the same message is known for: {1}; choose the app to decide",
        "answer from the error-code table, not from a connector row",
        "catch-all answer: no more specific row matched",
        "recognized as: {1}",
        "code {1} found: the same event as this row",
        "no known wording matched; this text resembles it (shares: {1})",
        "it lacks: {1}"},
    {
        "App: {1} (chosen).",
        "App: {1}, named by “{2}”.",
        "HTTP status {1}: {2}",
        "Code {1}: {2}",
        "Code {1}: not in the code tables; look it up in the vendor's list of error codes.",
        "Exception: {1}.",
        "OAuth error: {1} (“{2}”).",
        "OAuth error: {1}.",
        {{{400, "the app refused the request as invalid; for a token request, the grant (refresh token, code) is no longer accepted."},
          {401, "the app refused the credentials the connector sent (a token, key or password)."},
          {402, "the app wants a paid plan or subscription for this."},
          {403, "the credentials were accepted but lack a permission, a role or a license for this call."},
          {404, "what was asked for does not exist, or is not visible to the connecting account."},
          {408, "the app took too long to receive the request."},
          {429, "too many requests: the app's rate limit was reached."},
          {500, "an error inside the app."},
          {502, "a gateway in front of the app got no valid answer from it."},
          {503, "the app is unavailable (maintenance or overload)."},
          {504, "a gateway in front of the app timed out waiting for it."}}}},
};

const CoreWords kFrench = {
    {
        "correspond à « {1} »",
        "application : {1} (choisie)",
        "application : {1}, d'après « {2} »",
        "s'applique à toutes les applications",
        "application : non nommée dans le texte",
        "le texte désigne {1}, pas {2}",
        "le même message existe pour : {1} ; choisissez l'application pour trancher",
        "réponse tirée de la table des codes d'erreur, pas d'une ligne de connecteur",
        "réponse générique : aucune ligne plus précise ne correspond",
        "reconnu comme : {1}",
        "code {1} trouvé : le même événement que cette ligne",
        "aucune formulation connue ne correspond ; ce texte y ressemble (en commun : {1})",
        "il y manque : {1}"},
    {
        "Application : {1} (choisie).",
        "Application : {1}, nommée par « {2} ».",
        "Statut HTTP {1} : {2}",
        "Code {1} : {2}",
        "Code {1} : absent des tables de codes ; cherchez-le dans la liste des codes d'erreur de l'éditeur.",
        "Exception : {1}.",
        "Erreur OAuth : {1} (« {2} »).",
        "Erreur OAuth : {1}.",
        {{{400, "l'application a refusé la requête comme non valide ; pour une demande de jeton, l'autorisation (jeton d'actualisation, code) n'est plus acceptée."},
          {401, "l'application a refusé les informations d'identification envoyées par le connecteur (jeton, clé ou mot de passe)."},
          {402, "l'application exige un abonnement ou un plan payant pour cela."},
          {403, "les informations d'identification sont acceptées mais il manque une autorisation, un rôle ou une licence pour cet appel."},
          {404, "ce qui est demandé n'existe pas, ou n'est pas visible du compte de connexion."},
          {408, "l'application a mis trop de temps à recevoir la requête."},
          {429, "trop de requêtes : la limite de débit de l'application est atteinte."},
          {500, "une erreur interne de l'application."},
          {502, "une passerelle devant l'application n'a pas reçu de réponse valide de celle-ci."},
          {503, "l'application est indisponible (maintenance ou surcharge)."},
          {504, "une passerelle devant l'application a expiré en l'attendant."}}}},
};

// Adding a language: a table here, and the knowledge base's causes and fixes in that language.
constexpr WordsTable<CoreWords, 2> kCoreWords({{{"en", &kEnglish}, {"fr", &kFrench}}});

}  // namespace

const CoreWords& WordsFor(std::string_view lang) { return kCoreWords.For(lang); }

std::vector<std::string> WordLanguages() { return kCoreWords.Languages(); }

std::vector<std::string> MissingWordWarnings(const std::vector<std::string>& languages) {
  return kCoreWords.MissingWarnings(languages, "the evidence and \"what the text says\" sentences of explanations");
}

}  // namespace conndiag
