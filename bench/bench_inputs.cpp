// Benchmark inputs: deterministic pastes and logs that look like what admins really paste.
#include "bench_inputs.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace conndiag::bench {
namespace {

constexpr std::string_view kErrors[] = {
    "HttpRequestFailure: Server returned: 401 Unauthorized",
    "TokenRefreshException: {\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70002: Error validating "
    "credentials. AADSTS70008: The provided authorization code or refresh token is expired.\"}",
    "AuthFatalFailureException: com.box.boxjavalibv2.exceptions.BoxServerException: "
    "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}",
    "SocketTimeoutException: Read timed out",
    "GoogleJsonResponseException: 403 Forbidden",
    "HttpRequestFailure : Retourné par le serveur : 404 Introuvable",
    "Get events: Request failed with status code 402. Payment Required. Audit Log Entitlement validation failed",
    "java.lang.NullPointerException",
};

constexpr std::string_view kFrames[] = {
    "\tat com.adallom.adalib.httputils.HttpClient.execute(HttpClient.java:211)",
    "\tat com.adallom.connectors.office365.ActivityPoller.poll(ActivityPoller.java:87)",
    "\tat java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)",
    "\tat java.lang.Thread.run(Thread.java:750)",
};

// A small deterministic generator (xorshift), so every run measures the same bytes.
struct Random {
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  std::uint64_t Next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
};

std::string Hex(Random& r, std::size_t digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < digits; ++i) out.push_back(kHex[r.Below(16)]);
  return out;
}

std::string Timestamp(Random& r, std::size_t line) {
  const std::size_t seconds = line % 86400;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "2026-11-25T%02zu:%02zu:%02zu.%03zuZ", seconds / 3600, (seconds / 60) % 60,
                seconds % 60, r.Below(1000));
  return buffer;
}

std::string NoiseLine(Random& r, std::size_t line) {
  switch (r.Below(5)) {
    case 0:
      return Timestamp(r, line) + " INFO  [poller-" + std::to_string(r.Below(16)) + "] fetched " +
             std::to_string(r.Below(5000)) + " events for tenant " + Hex(r, 8) + "-" + Hex(r, 4) + "-4" + Hex(r, 3) +
             "-8" + Hex(r, 3) + "-" + Hex(r, 12) + " in " + std::to_string(r.Below(900)) + " ms";
    case 1:
      return "10.0." + std::to_string(r.Below(255)) + "." + std::to_string(r.Below(255)) +
             " - - [25/Nov/2026:10:00:00 +0000] \"GET /api/v1/activities?page=" + std::to_string(r.Below(99)) +
             " HTTP/1.1\" 200 " + std::to_string(r.Below(90000)) + " \"-\" \"connector-agent/4.2\"";
    case 2:
      return Timestamp(r, line) + " DEBUG [scheduler] next run of job " + Hex(r, 16) + " at +" +
             std::to_string(r.Below(600)) + "s; queue depth " + std::to_string(r.Below(40));
    case 3:
      return Timestamp(r, line) + " WARN  [http] retrying request " + Hex(r, 12) + " after 429, attempt " +
             std::to_string(r.Below(5)) + " of 5";
    default:
      return Timestamp(r, line) + " INFO  [audit] user " + Hex(r, 6) + "@contoso.com signed in from 203.0.113." +
             std::to_string(r.Below(255));
  }
}

}  // namespace

std::string Paste(std::size_t bytes) {
  std::string text = "2026-11-25T10:00:00.000Z ERROR [connector-worker-3] ";
  if (bytes < 400) {
    text += kErrors[0];  // a short one-line paste: the 401 shared by three apps, with the Okta host
    text += " (GET https://contoso.okta.com/api/v1/logs)";
  } else {
    text += "ContextManagerServiceException: com.adallom.adalib.httputils.exceptions.";
    text += kErrors[1];
  }
  std::size_t frame = 0;
  while (text.size() < bytes) {
    text += "\n";
    text += kFrames[frame++ % std::size(kFrames)];
  }
  text.resize(bytes);
  return text;
}

std::string GenerateLog(std::size_t bytes, std::size_t error_every) {
  Random r;
  std::string log;
  log.reserve(bytes + 256);
  for (std::size_t line = 1; log.size() < bytes; ++line) {
    if (r.Below(error_every) == 0) {
      log += Timestamp(r, line) + " ERROR [connector-worker-" + std::to_string(r.Below(8)) + "] ";
      log += kErrors[r.Below(std::size(kErrors))];
      log += '\n';
      if (r.Below(3) == 0) {
        for (const auto& f : kFrames) (log += f) += '\n';
        line += std::size(kFrames);
      }
    } else {
      log += NoiseLine(r, line);
      log += '\n';
    }
  }
  return log;
}

std::string DistinctEvent(std::size_t e, std::size_t event_bytes) {
  Random r;
  r.state += e * 0x2545F4914F6CDD1Dull;  // a different continuation per event, the same on every run
  static const char* const kWords[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
  std::string event = "ERROR BoxRestException: Failed to parse response. request " + std::to_string(e) + "\n";
  const std::size_t end = event.size() + event_bytes;
  event += "\tdetail";
  while (event.size() < end) (event += ' ') += kWords[r.Below(std::size(kWords))];
  event += '\n';
  return event;
}

std::string DistinctEventsLog(std::size_t events, std::size_t event_bytes) {
  std::string log;
  for (std::size_t e = 0; e < events; ++e) log += DistinctEvent(e, event_bytes);
  return log;
}

}  // namespace conndiag::bench
