// Understanding: the facts a text carries, said plainly, so that even an unknown error leaves a next step.
#include "understand.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "fill.h"

namespace conndiag {
namespace {

struct Words {
  const char* app_chosen;    // {1} app
  const char* app_named;     // {1} app, {2} clue
  const char* status;        // {1} "401 Unauthorized", {2} meaning
  const char* code_known;    // {1} code, {2} reason
  const char* code_unknown;  // {1} code
  const char* exception;     // {1}
  const char* oauth;         // {1} error, {2} description
  const char* oauth_bare;    // {1} error
  std::array<std::pair<int, const char*>, 11> statuses;
};

const Words kEnglish = {
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
      {504, "a gateway in front of the app timed out waiting for it."}}},
};

const Words kFrench = {
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
      {504, "une passerelle devant l'application a expiré en l'attendant."}}},
};

const Words& WordsFor(const std::string& lang) { return lang == "fr" ? kFrench : kEnglish; }

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The code-table entry whose message is this code ("AADSTS70008"), or nullptr.
const Entry* CodeEntry(const KnowledgeBase& kb, const std::string& code) {
  for (const Entry& e : kb.entries) {
    if (e.source != "code-table" || e.fallback) continue;
    auto it = e.message.find("en");
    if (it != e.message.end() && Upper(it->second) == code) return &e;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> Understand(const KnowledgeBase& kb, const Options& options, const Fields& fields,
                                    const std::optional<std::string>& app_guess, const std::string& app_clue) {
  const Words& say = WordsFor(options.lang);
  std::vector<std::string> out;
  if (!options.app.empty() && options.app != "all") {
    out.push_back(Fill(say.app_chosen, AppName(kb, options.app, options.lang)));
  } else if (app_guess) {
    out.push_back(Fill(say.app_named, AppName(kb, *app_guess, options.lang), app_clue));
  }
  if (fields.http_status) {
    const auto& list = say.statuses;
    auto it = std::find_if(list.begin(), list.end(), [&](const auto& s) { return s.first == *fields.http_status; });
    if (it != list.end()) {
      std::string status = std::to_string(*fields.http_status);
      if (!fields.http_reason.empty()) status += " " + fields.http_reason;
      out.push_back(Fill(say.status, status, it->second));
    }
  }
  std::vector<std::string> codes;
  for (const auto& c : fields.aadsts) codes.push_back("AADSTS" + c);
  for (const auto& c : fields.af_codes) codes.push_back(Upper(c));
  for (const auto& c : fields.okta_codes) codes.push_back(Upper(c));
  for (const auto& code : codes) {
    if (const Entry* e = CodeEntry(kb, code)) {
      out.push_back(Fill(say.code_known, code, InLanguage(e->cause, options.lang)));
    } else {
      out.push_back(Fill(say.code_unknown, code));
    }
  }
  if (!fields.exceptions.empty()) out.push_back(Fill(say.exception, fields.exceptions.front()));
  if (!fields.oauth_error.empty()) {
    out.push_back(fields.oauth_error_description.empty()
                      ? Fill(say.oauth_bare, fields.oauth_error)
                      : Fill(say.oauth, fields.oauth_error, fields.oauth_error_description));
  }
  return out;
}

}  // namespace conndiag
