// The command under Node (`npx conndiag`) sees the process as the native command does: Emscripten's --pre-js.
// Emscripten gives a program its own made-up environment (LANG from navigator.language, USER=web_user, ...)
// and treats standard input, output and error as terminals; the native command reads the real ones.
Module['preRun'] = [function () {
  // The real environment, and nothing else: LANG, LC_ALL and LC_MESSAGES pick the language, NO_COLOR and TERM
  // the colours, CONNDIAG_REPORT_TO the report hint. The defaults Emscripten would add are unset.
  for (var name of ['USER', 'LOGNAME', 'PATH', 'PWD', 'HOME', 'LANG', '_']) ENV[name] = undefined;
  Object.assign(ENV, process.env);
  // The streams exist once the file system starts, just before main: colour and progress only on a terminal.
  addOnPreMain(function () {
    var tty = require('tty');
    for (var fd = 0; fd <= 2; fd++) FS.streams[fd].tty = tty.isatty(fd);
    // A reader that goes away (`conndiag ... | head`) stops the native command by SIGPIPE, which Node ignores:
    // stop here too, with the status a shell shows for it (128 + 13), instead of writing on into nothing.
    var write = FS.write;
    FS.write = function (stream) {
      try {
        return write.apply(this, arguments);
      } catch (e) {
        if (e instanceof FS.ErrnoError && e.errno === ERRNO_CODES.EPIPE) process.exit(141);
        throw e;
      }
    };
  });
}];
