// Reading a log into a LogClassifier, on one thread or two (see log_reader.h).
#include "log_reader.h"

#ifdef __linux__
#include <sched.h>
#endif

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

namespace conndiag::cli {
namespace {

// A piece of the decoded log and, once the reader's line filter exists, its verdicts.
struct Piece {
  std::string text;
  LineVerdicts verdicts;
};

// The pieces between the two threads, in order. Bounded: the input is read at most a few pieces ahead,
// so memory stays a few megabytes whatever the log.
class PieceQueue {
 public:
  static constexpr std::size_t kMostAhead = 3;

  // Second thread. False when the first has stopped taking pieces.
  bool Push(Piece piece) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopped_ || pieces_.size() < kMostAhead; });
    if (stopped_) return false;
    pieces_.push_back(std::move(piece));
    changed_.notify_all();
    return true;
  }
  // Second thread: no more pieces; the input's error or a failure, if any.
  void Close(std::optional<std::string> error, std::exception_ptr failure) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    error_ = std::move(error);
    failure_ = failure;
    changed_.notify_all();
  }
  // Second thread: what judges a piece's lines, once the first thread has handed it over (else empty).
  std::function<LineVerdicts(std::string_view)> prescanner() {
    std::lock_guard lock(mutex_);
    return prescanner_;
  }

  // First thread. The next piece, or nullopt once all were taken and the second thread closed.
  std::optional<Piece> Pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return closed_ || !pieces_.empty(); });
    if (pieces_.empty()) return std::nullopt;
    Piece piece = std::move(pieces_.front());
    pieces_.pop_front();
    changed_.notify_all();
    return piece;
  }
  // First thread: takes no more pieces (it failed); the second thread's next Push returns false.
  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }
  // First thread: hands over what judges lines (the reader's Prescanner, once it has its line filter).
  void set_prescanner(std::function<LineVerdicts(std::string_view)> prescanner) {
    std::lock_guard lock(mutex_);
    prescanner_ = std::move(prescanner);
  }
  // After the second thread ended.
  std::optional<std::string> error() const { return error_; }
  std::exception_ptr failure() const { return failure_; }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Piece> pieces_;
  bool closed_ = false;
  bool stopped_ = false;
  std::optional<std::string> error_;
  std::exception_ptr failure_;
  std::function<LineVerdicts(std::string_view)> prescanner_;
};

std::optional<std::string> ReadOnOneThread(std::FILE* in, LogClassifier& log,
                                           const std::function<void(std::size_t)>& on_progress, InputNotes* notes) {
  return ForEachChunk(
      in,
      [&](std::string_view text) -> std::optional<std::string> {
        log.AddText(text);  // splits lines across pieces and keeps each in bounded memory
        return std::nullopt;
      },
      on_progress, notes);
}

// The second thread: reads, decodes and judges pieces into `queue` until the input ends, then closes it.
void ReadAhead(std::FILE* in, PieceQueue& queue, const std::function<void(std::size_t)>& on_progress,
               InputNotes* notes) {
  std::optional<std::string> error;
  std::exception_ptr failure;
  try {
    error = ForEachChunk(
        in,
        [&](std::string_view text) -> std::optional<std::string> {
          Piece piece;
          piece.text.assign(text);
          // Worked out on the moved-to string's bytes: a long string keeps its buffer when moved; a short one
          // does not, and AddText then ignores the verdicts (they name another piece).
          if (const auto prescan = queue.prescanner()) piece.verdicts = prescan(piece.text);
          if (!queue.Push(std::move(piece))) return std::string("stopped");  // never shown: the reader failed
          return std::nullopt;
        },
        on_progress, notes);
  } catch (...) {
    failure = std::current_exception();
  }
  queue.Close(std::move(error), failure);
}

std::optional<std::string> ReadOnTwoThreads(std::FILE* in, LogClassifier& log,
                                            const std::function<void(std::size_t)>& on_progress, InputNotes* notes) {
  PieceQueue queue;
  std::thread ahead;
  try {
    ahead = std::thread(ReadAhead, in, std::ref(queue), std::cref(on_progress), notes);
  } catch (const std::system_error&) {
    // No thread to be had (a process or memory limit): the log is read all the same, on this one.
    return ReadOnOneThread(in, log, on_progress, notes);
  }
  // The second thread is always joined, even when reading into the log throws (std::bad_alloc).
  struct Joiner {
    PieceQueue& queue;
    std::thread& thread;
    ~Joiner() {
      queue.Stop();
      thread.join();
    }
  } joiner{queue, ahead};

  bool prescanner_given = false;
  while (std::optional<Piece> piece = queue.Pop()) {
    log.AddText(piece->text, &piece->verdicts);
    if (!prescanner_given) {
      // The reader makes its line filter from the log's first big piece; from then on the second thread
      // judges lines too.
      if (auto prescanner = log.Prescanner()) {
        queue.set_prescanner(std::move(prescanner));
        prescanner_given = true;
      }
    }
  }
  if (queue.failure()) std::rethrow_exception(queue.failure());
  return queue.error();
}

}  // namespace

std::size_t UsableProcessors() {
#ifdef __linux__
  // The processors this process may run on (taskset, a container's cpuset), not all the machine has.
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<std::size_t>(CPU_COUNT(&set));
#endif
  return std::thread::hardware_concurrency();  // 0 when unknown
}

LogThreads ChooseLogThreads(std::size_t asked) {
#ifdef __EMSCRIPTEN__
  static_cast<void>(asked);
  return LogThreads::kOne;
#else
  if (asked == 0) return UsableProcessors() >= 2 ? LogThreads::kTwo : LogThreads::kOne;
  return asked >= 2 ? LogThreads::kTwo : LogThreads::kOne;
#endif
}

std::optional<std::string> ReadLog(std::FILE* in, LogClassifier& log, LogThreads threads,
                                   const std::function<void(std::size_t)>& on_progress, InputNotes* notes) {
  if (threads == LogThreads::kTwo) return ReadOnTwoThreads(in, log, on_progress, notes);
  return ReadOnOneThread(in, log, on_progress, notes);
}

}  // namespace conndiag::cli
