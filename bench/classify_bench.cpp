// Benchmark: classify latency for 200 B / 1 KB / 10 KB pastes, and log throughput beside grep -E -f.
// Usage: classify_bench [--log-mb N] [--iterations N] [--tmp DIR]. Prints figures; never fails on speed.
//        classify_bench --print-paste BYTES | --print-log MB: writes that benchmark input to stdout, so other
//        benchmarks (the page's, in Chromium) measure the very same bytes.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_inputs.h"
#include "conndiag/classifier.h"
#include "conndiag/default_kb.h"
#include "conndiag/log_events.h"
#include "conndiag/result_json.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

struct Latency {
  double median_us;
  double p99_us;
};

// Classify alone, or classify and serialize the result to JSON as the CLI and the wasm module do.
Latency Measure(const conndiag::Classifier& c, const std::string& text, std::size_t iterations, bool json) {
  const conndiag::Options options;
  std::size_t sink = 0;
  auto once = [&] {
    const auto result = c.Classify(text, options);
    sink += json ? conndiag::ResultToJson(c.knowledge_base(), result, options, text, conndiag::OffsetUnit::kUtf16Units).size()
                 : result.matches.size();
  };
  for (int i = 0; i < 100; ++i) once();  // warm caches
  std::vector<double> us(iterations);
  for (auto& sample : us) {
    const auto start = Clock::now();
    once();
    sample = Seconds(Clock::now() - start) * 1e6;
  }
  if (sink == 0) std::fprintf(stderr, "note: the paste matched nothing\n");
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 99 / 100)]};
}

// grep's ERE has no (?:...) or \d: the same patterns, rewritten for it.
std::string ToEre(std::string_view p) {
  std::string out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p.substr(i, 3) == "(?:") {
      out += '(';
      i += 2;
    } else if (p.substr(i, 2) == "\\d") {
      out += "[0-9]";
      ++i;
    } else {
      out += p[i];
    }
  }
  return out;
}

double BestOf(int runs, const std::function<void()>& fn) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    fn();
    best = std::min(best, Seconds(Clock::now() - start));
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t log_mb = 20;
  std::size_t iterations = 3000;
  std::string tmp = "/tmp";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--print-paste") {
      std::fputs(conndiag::bench::Paste(std::strtoul(argv[i + 1], nullptr, 10)).c_str(), stdout);
      return 0;
    }
    if (flag == "--print-log") {
      std::fputs(conndiag::bench::GenerateLog(std::strtoul(argv[i + 1], nullptr, 10) << 20).c_str(), stdout);
      return 0;
    }
    if (flag == "--print-distinct-events" && i + 2 < argc) {  // EVENTS KB
      std::fputs(conndiag::bench::DistinctEventsLog(std::strtoul(argv[i + 1], nullptr, 10),
                                                    std::strtoul(argv[i + 2], nullptr, 10) << 10).c_str(), stdout);
      return 0;
    }
    if (flag == "--log-mb") log_mb = std::strtoul(argv[i + 1], nullptr, 10);
    else if (flag == "--iterations") iterations = std::strtoul(argv[i + 1], nullptr, 10);
    else if (flag == "--tmp") tmp = argv[i + 1];
  }

  const auto load_start = Clock::now();
  auto loaded = conndiag::Classifier::FromJson(conndiag::DefaultKnowledgeBase());
  const double load_ms = Seconds(Clock::now() - load_start) * 1e3;
  if (!loaded.ok()) {
    std::fprintf(stderr, "knowledge base: %s\n", loaded.error().What().c_str());
    return 2;
  }
  const auto& classifier = loaded.value();
  std::printf("conndiag native benchmark (%zu knowledge-base entries, loaded and compiled in %.1f ms)\n\n",
              classifier.knowledge_base().entries.size(), load_ms);

  std::printf("%-22s %12s %12s\n", "classify (one paste)", "median", "p99");
  for (std::size_t size : {std::size_t{200}, std::size_t{1024}, std::size_t{10240}}) {
    const Latency l = Measure(classifier, conndiag::bench::Paste(size), iterations, false);
    std::printf("%-22s %9.1f µs %9.1f µs\n", (std::to_string(size) + " B paste").c_str(), l.median_us, l.p99_us);
  }
  const Latency with_json = Measure(classifier, conndiag::bench::Paste(1024), iterations, true);
  std::printf("%-22s %9.1f µs %9.1f µs\n", "1024 B + JSON result", with_json.median_us, with_json.p99_us);

  // Hostile pastes: each field scanner's trigger word repeated. Linear work shows as the same MB/s at 1 MB
  // and 4 MB (quadratic work would fall fourfold); a benign paste of the same size is the reference.
  std::printf("\n%-26s %14s %14s\n", "adversarial paste", "1 MB: MB/s", "4 MB: MB/s");
  const std::vector<std::pair<const char*, std::string>> triggers = {
      {"benign (a real error)", conndiag::bench::Paste(1024)}, {"Exception ", "Exception "}, {"a.Exception.", "a.Exception."},
      {"Failure ", "Failure "}, {"https://", "https://"}, {".com", ".com"}, {"{", "{"}, {"AADSTS50126 ", "AADSTS50126 "},
      {"e0000011 ", "e0000011 "}, {"af20012 ", "af20012 "}, {"\"error\":\"", "\"error\":\""}, {"tenant id ", "tenant id "},
      {"HTTP/1.1 ", "HTTP/1.1 "}, {"404 Not Found ", "404 Not Found "}, {"&amp;", "&amp;"}, {"\\u00e9", "\\u00e9"}};
  for (const auto& [name, unit] : triggers) {
    double rate[2] = {0, 0};
    for (int k = 0; k < 2; ++k) {
      const std::size_t bytes = k == 0 ? (1u << 20) : (4u << 20);
      std::string text;
      while (text.size() < bytes) text += unit;
      const double s = BestOf(2, [&] { (void)classifier.Classify(text, conndiag::Options{}); });
      rate[k] = static_cast<double>(text.size()) / (1 << 20) / s;
    }
    std::printf("%-26s %14.1f %14.1f\n", name, rate[0], rate[1]);
  }

  const std::string log = conndiag::bench::GenerateLog(log_mb << 20);
  const double mb = static_cast<double>(log.size()) / (1 << 20);
  std::size_t events = 0;
  const double ours = BestOf(3, [&] { events = conndiag::ClassifyLog(classifier, log, conndiag::Options{}).size(); });

  const std::string log_path = tmp + "/conndiag-bench.log";
  const std::string pattern_path = tmp + "/conndiag-bench.patterns";
  std::ofstream(log_path, std::ios::binary) << log;
  {
    std::ofstream patterns(pattern_path);
    for (const auto& e : classifier.knowledge_base().entries) {
      for (const auto& sig : e.signatures) {
        for (const auto& p : sig.patterns) {
          // grep has no look-around: such patterns are left out of the reference (it does less work).
          if (p.find("(?<") == std::string::npos && p.find("(?=") == std::string::npos && p.find("(?!") == std::string::npos) {
            patterns << ToEre(p) << '\n';
          }
        }
      }
    }
  }
  const std::string grep = "LC_ALL=C grep -E -i -c -f " + pattern_path + " " + log_path;
  int grep_status = 0;
  std::string grep_count;
  const double grep_s = BestOf(3, [&] {
    std::FILE* pipe = popen(grep.c_str(), "r");
    char buffer[64] = {};
    grep_count = pipe && std::fgets(buffer, sizeof buffer, pipe) ? buffer : "";
    grep_status = pipe ? pclose(pipe) : -1;
  });
  while (!grep_count.empty() && grep_count.back() == '\n') grep_count.pop_back();

  std::printf("\n%-22s %12s %12s   (%.1f MB generated log, %zu distinct events found)\n", "log throughput", "MB/s",
              "seconds", mb, events);
  std::printf("%-22s %12.1f %12.3f\n", "conndiag --log", mb / ours, ours);
  if (grep_status == 0) {
    std::printf("%-22s %12.1f %12.3f   (%s matching lines)\n", "grep -E -i -f (same)", mb / grep_s, grep_s,
                grep_count.c_str());
    std::printf("\nratio conndiag / grep throughput: %.2f (above 1: conndiag is faster)\n", grep_s / ours);
  } else {
    std::printf("grep -E -f failed (status %d): no reference figure\n", grep_status);
  }
  std::remove(log_path.c_str());
  std::remove(pattern_path.c_str());

  // Peak memory of log mode on the worst log for it: 10,000 distinct events of 64 KB (640 MB), fed event by
  // event as a file read in pieces would be, in a child process started before the log exists, so that its
  // peak is the reader's own (the log is generated as it is read, never held whole).
  {
    // Each event just under the 64 KB an event may have (a longer one would be cut to its first line).
    const std::size_t event_bytes = conndiag::kMaxEventBytes - 128;
    std::fflush(stdout);  // or the child would print the parent's buffered output again
    const auto start = Clock::now();
    const pid_t child = fork();
    if (child == 0) {
      conndiag::LogClassifier reader(classifier, conndiag::Options{});
      for (std::size_t e = 0; e < 10000; ++e) reader.AddText(conndiag::bench::DistinctEvent(e, event_bytes));
      const auto found = reader.Finish();
      std::size_t kept = 0;
      for (const auto& event : found) kept += event.text.size();
      std::printf("\n--log on 640 MB of 10,000 distinct 64 KB events: %.0f MB of their text kept (budget %zu MB)\n",
                  static_cast<double>(kept) / (1 << 20), conndiag::kEventTextBudget >> 20);
      std::fflush(stdout);
      std::_Exit(found.size() == 10000 ? 0 : 1);
    }
    int status = 0;
    struct rusage usage {};
    wait4(child, &status, 0, &usage);
    std::printf("--log peak memory on the same: %.0f MB resident (%.1f s, %s)\n",
                static_cast<double>(usage.ru_maxrss) / 1024.0, Seconds(Clock::now() - start),
                WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "all 10,000 events kept" : "events missing");
  }
  return 0;
}
