# CLI smoke tests: the contract of docs/cli.md, run against the built binary.
set(_cli "$<TARGET_FILE:conndiag>")
set(_in "${CMAKE_CURRENT_SOURCE_DIR}/cli/inputs")

# cli_test(NAME EXIT code [STDIN file] [ARGS ...] [ENV VAR=value ...] [STDOUT regex] [STDERR regex] [STDOUT_EMPTY]
#          [STDERR_EMPTY])
# Each run starts without CONNDIAG_REPORT_TO and without a locale (LC_ALL, LC_MESSAGES, LANG), whatever the
# developer's environment holds; ENV sets variables.
function(cli_test name)
  cmake_parse_arguments(T "STDOUT_EMPTY;STDERR_EMPTY" "EXIT;STDIN;STDOUT;STDERR" "ARGS;ENV" ${ARGN})
  set(defs -DCLI=${_cli} -DEXPECT_EXIT=${T_EXIT})
  if(T_ARGS)
    string(REPLACE ";" "\\;" _args "${T_ARGS}")
    list(APPEND defs "-DARGS=${_args}")
  endif()
  if(T_STDIN)
    list(APPEND defs -DSTDIN_FILE=${_in}/${T_STDIN})
  endif()
  if(T_STDOUT)
    list(APPEND defs "-DSTDOUT_MATCHES=${T_STDOUT}")
  endif()
  if(T_STDERR)
    list(APPEND defs "-DSTDERR_MATCHES=${T_STDERR}")
  endif()
  if(T_STDOUT_EMPTY)
    list(APPEND defs -DSTDOUT_EMPTY=ON)
  endif()
  if(T_STDERR_EMPTY)
    list(APPEND defs -DSTDERR_EMPTY=ON)
  endif()
  add_test(NAME "cli: ${name}" COMMAND ${CMAKE_COMMAND} -E env --unset=CONNDIAG_REPORT_TO --unset=LC_ALL
    --unset=LC_MESSAGES --unset=LANG ${T_ENV}
    ${CMAKE_COMMAND} ${defs} -P "${CMAKE_CURRENT_SOURCE_DIR}/cli/run_cli.cmake")
endfunction()

cli_test("--help prints usage and exits 0" EXIT 0 ARGS --help STDOUT "Usage: conndiag \\[--app APP\\]")
cli_test("--version matches the project version and names the knowledge base" EXIT 0 ARGS --version
  STDOUT "^conndiag ${PROJECT_VERSION} \\(git [0-9a-f]+|unknown, knowledge base [0-9.]+\\)")
cli_test("an expired AADSTS70008 token on stdin is diagnosed, exit 0" EXIT 0 STDIN aadsts70008.txt
  STDOUT "1\\. Microsoft 365 \\(Office 365\\) · likely .*o365-aadsts70008-token-expired")
cli_test("a table row names Microsoft's page and the day it was checked" EXIT 0 STDIN box_parse.txt ARGS --app box
  STDOUT "   Source: https://learn.microsoft.com/en-us/defender-cloud-apps/troubleshooting-api-connectors-using-error-messages \\(checked [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\\)")
cli_test("a table row names Microsoft's page and the day it was checked, in French" EXIT 0 STDIN box_parse.txt ARGS --app box --lang fr
  STDOUT "   Source : https://learn.microsoft.com/[^ ]+ \\(vérifiée le [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\\)")
cli_test("--json gives a table row's reference" EXIT 0 STDIN box_parse.txt ARGS --app box --json
  STDOUT "\"reference\": \\{[^}]*\"url\": \"https://learn.microsoft.com/[^}]*\"checked\": \"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\",[^}]*\"missing\": null,[^}]*\"revision\": \"[0-9a-f]+\"")
cli_test("French output in French" EXIT 0 STDIN aadsts70008.txt ARGS --lang fr STDOUT "Cause : .*Solution :")
cli_test("a file argument is read like stdin" EXIT 0 ARGS ${_in}/aadsts70008.txt STDOUT "o365-aadsts70008")
cli_test("-V is --version" EXIT 0 ARGS -V STDOUT "^conndiag ${PROJECT_VERSION} ")
cli_test("--version names the knowledge base --kb gives" EXIT 0 ARGS --kb ${_in}/custom_kb.json --version
  STDOUT "knowledge base portal-1\\)")
cli_test("--version with an unreadable --kb is an input error" EXIT 2 ARGS -V --kb ${_in}/no-such-kb.json
  STDERR "cannot open" STDOUT_EMPTY)
cli_test("several files: each under its name, in order" EXIT 0 ARGS ${_in}/aadsts70008.txt ${_in}/box_parse.txt
  STDOUT "^==> [^\n]*aadsts70008.txt <==\n1\\. Microsoft 365.*\n\n==> [^\n]*box_parse.txt <==\n1\\. Box")
cli_test("several files with --json: one line per file, its name first" EXIT 0
  ARGS --json ${_in}/aadsts70008.txt ${_in}/box_parse.txt
  STDOUT "^{\"file\":\"[^\"]*aadsts70008.txt\",\"matches\".*\n{\"file\":\"[^\"]*box_parse.txt\",")
cli_test("several files: one unreadable is reported, the others diagnosed, exit 2" EXIT 2
  ARGS ${_in}/aadsts70008.txt ${_in}/no-such-file.txt ${_in}/box_parse.txt
  STDOUT "box_parse.txt <==\n1\\. Box" STDERR "no-such-file.txt")
cli_test("several files: exit 1 when one has no confident answer" EXIT 1 ARGS ${_in}/aadsts70008.txt ${_in}/contoso_proxy.txt
  STDOUT "contoso_proxy.txt <==")
cli_test("several logs with --json: each event line names its log" EXIT 0
  ARGS --log --json ${_in}/connector.log ${_in}/connector.log STDOUT "^{\"file\":\"[^\"]*connector.log\",\"line\":")
cli_test("-- ends the options: a file named like an option is read" EXIT 0 ARGS -- ${_in}/aadsts70008.txt
  STDOUT "o365-aadsts70008")
cli_test("a French locale answers in French when --lang is not given" EXIT 0 STDIN aadsts70008.txt
  ENV LANG=fr_FR.UTF-8 STDOUT "Cause : .*Solution :")
cli_test("--lang wins over the locale" EXIT 0 STDIN aadsts70008.txt ARGS --lang en ENV LC_ALL=fr_FR.UTF-8
  STDOUT "Cause: .*Fix:")
cli_test("a usage error says where help is, on one line" EXIT 2 ARGS --frobnicate
  STDERR "^conndiag: unknown option --frobnicate \\(see conndiag --help\\)\n$" STDOUT_EMPTY)
cli_test("--json gives one object with matches, app_guess and fields" EXIT 0 STDIN aadsts70008.txt ARGS --json
  STDOUT "^{\n  \"matches\": \\[\n    {\n      \"id\": \"o365-aadsts70008-token-expired\".*\"app_guess\": \"office365\".*\"aadsts\": \\[[^]]*\"70002\",[^]]*\"70008\"")
cli_test("a shared 401 without app is not confident, exit 1" EXIT 1 STDIN shared_401.txt
  STDOUT "the same message is known for: Okta, Microsoft 365 \\(Office 365\\), Exchange Online")
cli_test("--app picks among the shared rows" EXIT 0 STDIN shared_401.txt ARGS --app exchange --top 1
  STDOUT "exchange-401-bad-credentials")
cli_test("an unknown app is a usage error listing valid keys" EXIT 2 STDIN shared_401.txt ARGS --app dropbox
  STDERR "unknown app \"dropbox\"; valid apps: office365, box, okta" STDOUT_EMPTY)
cli_test("an unknown language is a usage error" EXIT 2 STDIN shared_401.txt ARGS --lang de
  STDERR "valid languages: en, fr" STDOUT_EMPTY)
cli_test("unrelated text is a clean no-match, exit 1" EXIT 1 STDIN nginx_502.html
  STDOUT "No known connector error matched.*HTTP status 502")
cli_test("empty input is an input error, exit 2" EXIT 2 STDIN empty.txt STDERR "the input is empty" STDOUT_EMPTY)
cli_test("binary input is refused, exit 2" EXIT 2 STDIN binary.bin STDERR "looks binary" STDOUT_EMPTY)
cli_test("UTF-16 input with a BOM is decoded" EXIT 0 STDIN utf16le.txt ARGS --top 1 STDOUT "o365-ignite-domain-user")
cli_test("invalid UTF-8 does not stop classification" EXIT 0 STDIN invalid_utf8.txt ARGS --json --top 1
  STDOUT "o365-ignite-domain-user")
cli_test("a vendor's API body answers with its row and the code it found, confidently" EXIT 0
  STDIN okta_e0000011.json ARGS --json --top 1
  STDOUT "\"id\": \"okta-401-token-invalid\".*\"code\": {[^}]*\"id\": \"okta-e0000011\".*\"understood\": \\[")
cli_test("a vendor's API body in text output shows the code's reason" EXIT 0 STDIN okta_e0000011.json ARGS --top 1
  STDOUT "Code: E0000011 — ")
add_test(NAME "cli: a log line's escape sequences are printed as text, never sent to the terminal"
  COMMAND bash -c "set -uo pipefail; out=$('$<TARGET_FILE:conndiag>' --log '${_in}/terminal_escapes.log'); echo \"$out\"; grep -qF '\\x1b]0;pwned\\x07' <<<\"$out\" && ! grep -q $'\\x1b' <<<\"$out\"")
add_test(NAME "cli: a knowledge base over 8 MB is refused as such (not with advice about logs)"
  COMMAND bash -c "set -uo pipefail; printf '%9000000s' '{}' > '${CMAKE_CURRENT_BINARY_DIR}/big_kb.json'; err=$(echo x | '$<TARGET_FILE:conndiag>' --kb '${CMAKE_CURRENT_BINARY_DIR}/big_kb.json' 2>&1 >/dev/null); code=$?; echo \"$err\"; [ $code -eq 2 ] && [[ \"$err\" == *'knowledge base is larger than 8 MB'* ]] && [[ \"$err\" != *'--log'* ]]")
cli_test("--kb takes a file that extends the built-in knowledge base: its own row answers" EXIT 0
  STDIN contoso_proxy.txt ARGS --kb ${CMAKE_SOURCE_DIR}/web/examples/portal-kb.json --top 1 STDOUT "contoso-proxy-egress")
cli_test("--kb with an extending file keeps the built-in rows, with the fields it overrides" EXIT 0
  STDIN box_parse.txt ARGS --kb ${CMAKE_SOURCE_DIR}/web/examples/portal-kb.json --top 1
  STDOUT "box-rest-failed-parse.*#saas-connectors")
cli_test("--kb with a broken extending file names the file and the path in it" EXIT 2 STDIN custom_error.txt
  ARGS --kb ${_in}/bad_extends_kb.json STDERR "bad_extends_kb.json: /entires: unknown field" STDOUT_EMPTY)
cli_test("a Windows-1252 French file is read as such, with a warning, and its French row matches" EXIT 0
  STDIN windows1252_fr.txt ARGS --app exchange --json --top 1
  STDOUT "exchange-404-no-mailbox.*read as Windows-1252")
cli_test("a missing file is an input error" EXIT 2 ARGS /nonexistent/x.txt STDERR "cannot open /nonexistent/x.txt"
  STDOUT_EMPTY)
cli_test("a malformed custom knowledge base names the JSON path" EXIT 2 STDIN shared_401.txt
  ARGS --kb ${_in}/bad_pattern_kb.json STDERR "bad_pattern_kb.json: /entries/0/patterns/0: invalid regular expression"
  STDOUT_EMPTY)
cli_test("a custom knowledge base replaces the built-in one" EXIT 0 STDIN custom_error.txt
  ARGS --kb ${_in}/custom_kb.json --json STDOUT "\"id\": \"portal-vpn-required\"")
cli_test("a knowledge base in a language the command has no words for answers in it and warns at load" EXIT 0
  STDIN custom_error.txt ARGS --kb ${_in}/german_kb.json --lang de
  STDOUT "Unser Mandant.*NET-EGRESS" STDERR "german_kb.json: /languages/1: \"de\".*fall back to English")
cli_test("--log accounts for error lines it does not recognize, with samples, and marks ambiguous events" EXIT 0
  STDIN mixed_errors.log ARGS --log
  STDOUT "3 distinct problem.*line 3 \\(×2\\).*not sure.*Not recognized: 1 error line\\(s\\) \\(1 distinct\\).*line 6 \\(×1\\)")
cli_test("--log --json emits unrecognized error events too, each line with its status" EXIT 0
  STDIN mixed_errors.log ARGS --log --json
  STDOUT "\"status\":\"recognized\".*\"status\":\"ambiguous\".*\"status\":\"unrecognized\",\"text\":\"2026-11-25T10:00:05Z WARN")
cli_test("--log classifies each distinct event once with counts" EXIT 0 STDIN connector.log ARGS --log
  STDOUT "2 distinct problem\\(s\\) in 9 line\\(s\\).*line 2 \\(×3\\).*box-rest-failed-parse.*line 4 \\(×1\\).*aws-npe")
cli_test("--log --json prints one JSON object per event" EXIT 0 STDIN connector.log ARGS --log --json
  STDOUT "^{\"line\":2,\"last_line\":9,\"count\":3,[^\n]*box-rest-failed-parse[^\n]*}\n{\"line\":4,")
# "Not the right answer?": one line on standard error when nothing is confident and an address is set;
# standard output and the exit status as without it.
cli_test("--report-to: no confident match prints where to report it on stderr, stdout unchanged, exit 1" EXIT 1
  STDIN shared_401.txt ARGS --report-to mailto:it@example.com
  STDOUT "the same message is known for: Okta" STDERR "^Not the right answer\\? Report it to mailto:it@example.com\n$")
cli_test("CONNDIAG_REPORT_TO does the same" EXIT 1 STDIN nginx_502.html
  ENV CONNDIAG_REPORT_TO=https://help.example/report STDERR "^Not the right answer\\? Report it to https://help.example/report\n$")
cli_test("--report-to wins over CONNDIAG_REPORT_TO" EXIT 1 STDIN nginx_502.html ARGS --report-to it@example.com
  ENV CONNDIAG_REPORT_TO=https://help.example/report STDERR "^Not the right answer\\? Report it to it@example.com\n$")
cli_test("--report-to with --lang fr says it in French (a no-break space before the question mark)" EXIT 1 STDIN shared_401.txt ARGS --lang fr --report-to it@example.com
  STDERR "^Pas la bonne réponse \\? Signalez-la à it@example.com\n$")
cli_test("--report-to with --json: the JSON on stdout as before, the line on stderr" EXIT 1 STDIN shared_401.txt
  ARGS --json --report-to it@example.com STDOUT "^{\n  \"matches\": .*\"app_guess\"" STDERR "Report it to it@example.com")
cli_test("--report-to with --log and no confident event prints the line too" EXIT 1 STDIN nginx_502.html
  ARGS --log --report-to it@example.com STDERR "Report it to it@example.com")
cli_test("no report address: nothing on stderr for a run without a confident match" EXIT 1 STDIN shared_401.txt STDERR_EMPTY)
cli_test("a confident match prints no report line even with an address" EXIT 0 STDIN aadsts70008.txt
  ARGS --report-to it@example.com STDERR_EMPTY)
cli_test("--report-to needs a value" EXIT 2 STDIN shared_401.txt ARGS --report-to= STDERR "--report-to needs a non-empty value"
  STDOUT_EMPTY)
add_test(NAME "cli: a report address with terminal escapes is printed as text"
  COMMAND bash -c "set -uo pipefail; err=$(CONNDIAG_REPORT_TO=$'x\\x1b]0;pwned\\x07' '$<TARGET_FILE:conndiag>' < '${_in}/shared_401.txt' 2>&1 >/dev/null); code=$?; echo \"$err\"; [ $code -eq 1 ] && grep -qF 'Report it to x\\x1b]0;pwned\\x07' <<<\"$err\" && ! grep -q $'\\x1b' <<<\"$err\"")
# A 20 MB text file, made at test time rather than committed.
set(_big "${CMAKE_CURRENT_BINARY_DIR}/big_input.txt")
add_test(NAME "cli: (setup) write a 20 MB log" COMMAND ${CMAKE_COMMAND} -DOUT=${_big}
  -P "${CMAKE_CURRENT_SOURCE_DIR}/cli/make_big_input.cmake")
set_tests_properties("cli: (setup) write a 20 MB log" PROPERTIES FIXTURES_SETUP big_input)
cli_test("an over-sized single paste is refused with a pointer to --log" EXIT 2 ARGS ${_big}
  STDERR "larger than 16 MB.*use --log" STDOUT_EMPTY)
cli_test("the same 20 MB file in --log mode is classified and merged" EXIT 0 ARGS --log ${_big}
  STDOUT "1 distinct problem\\(s\\) in 500,000 line\\(s\\).*\\(×500000\\)")
set_tests_properties("cli: an over-sized single paste is refused with a pointer to --log"
  "cli: the same 20 MB file in --log mode is classified and merged" PROPERTIES FIXTURES_REQUIRED big_input)

# Bounded memory: a 1 GB log streamed through stdin must fit in a 256 MB address space. (Not under the
# sanitizers, whose shadow memory alone reserves far more address space.)
if(NOT CONNDIAG_SANITIZE)
  add_test(NAME "cli: --log keeps 10,000 distinct 60 KB events within a 256 MB memory limit, with a warning, no abort"
    COMMAND bash -c "set -euo pipefail; out=$('$<TARGET_FILE:classify_bench>' --print-distinct-events 10000 60 | prlimit --as=268435456 '$<TARGET_FILE:conndiag>' --log --json 2>&1 >/dev/null | tail -1); echo \"$out\"; [[ \"$out\" == *'keep only their first 4 KB'* ]]")
  # A thread's stack is as big as the stack limit: 4 GB cannot fit in 256 MB, so no second thread can start.
  add_test(NAME "cli: --log --threads 2 with no second thread to be had reads the log on one, the same events"
    COMMAND bash -c "set -euo pipefail; log='${CMAKE_CURRENT_BINARY_DIR}/no_thread.log'; '$<TARGET_FILE:classify_bench>' --print-distinct-events 500 1 > \"$log\"; one=$('$<TARGET_FILE:conndiag>' --log --json --threads 1 \"$log\"); two=$(prlimit --stack=4000000000 --as=268435456 '$<TARGET_FILE:conndiag>' --log --json --threads 2 \"$log\"); n=$(wc -l <<<\"$one\"); echo \"$n events\"; [ \"$n\" -gt 100 ] && [ \"$one\" = \"$two\" ]")
  add_test(NAME "cli: --log streams a 1 GB log from stdin within a 256 MB memory limit"
    COMMAND bash -c "set -euo pipefail; events=$('$<TARGET_FILE:classify_bench>' --print-log 1024 | prlimit --as=268435456 '$<TARGET_FILE:conndiag>' --log --json | grep -vc '\"status\":\"unrecognized\"'); echo \"$events events\"; test \"$events\" -eq 16")
endif()

# --threads: the same events whether the log is read on one thread or two.
add_test(NAME "cli: --log lists the same events on one thread and on two"
  COMMAND bash -c "set -euo pipefail; log='${CMAKE_CURRENT_BINARY_DIR}/threads.log'; '$<TARGET_FILE:classify_bench>' --print-log 24 > \"$log\"; '$<TARGET_FILE:classify_bench>' --print-distinct-events 3000 1 >> \"$log\"; one=$('$<TARGET_FILE:conndiag>' --log --json --threads 1 \"$log\"); two=$('$<TARGET_FILE:conndiag>' --log --json --threads=2 \"$log\"); n=$(wc -l <<<\"$one\"); echo \"$n events\"; [ \"$n\" -gt 1000 ] && [ \"$one\" = \"$two\" ]")
add_test(NAME "cli: given one processor (taskset), the log is read on one thread by default"
  COMMAND taskset -c 0 $<TARGET_FILE:cli_log_reader_test> "[one_processor]")
cli_test("--threads other than 1 or 2 is refused" EXIT 2 ARGS --log --threads 3 STDERR "--threads takes 1 or 2, not \"3\"" STDOUT_EMPTY)

# conndiag kb check: the knowledge-base check of docs/cli.md.
cli_test("kb check: the built-in knowledge base is valid and recognizes its own texts" EXIT 0
  ARGS kb check ${CMAKE_SOURCE_DIR}/data/kb.json STDOUT "kb.json: valid \\(knowledge base [0-9.]+\\): [0-9]+ entries checked" STDERR_EMPTY)
cli_test("kb check: the example portal file that extends it is valid" EXIT 0
  ARGS kb check ${CMAKE_SOURCE_DIR}/web/examples/portal-kb.json STDOUT "portal-kb.json: valid \\(knowledge base [0-9.]+\\+contoso-help-1\\): 2 entries")
cli_test("kb check: an example its own signature does not recognize is named by its path in the file" EXIT 2
  ARGS kb check ${_in}/unrecognized_example_kb.json
  STDERR "unrecognized_example_kb.json: /entries/0/signatures/0/examples/1: \"Connection refused by upstream proxy\" matches no signature of portal-proxy-blocked.*1 of 4 own texts"
  STDOUT_EMPTY)
cli_test("kb check: a field the loader refuses, with the file and the JSON path" EXIT 2 ARGS kb check ${_in}/bad_extends_kb.json
  STDERR "^bad_extends_kb.json: /entires: unknown field|/bad_extends_kb.json: /entires: unknown field" STDOUT_EMPTY)
cli_test("kb check: a broken pattern, with the file and the JSON path" EXIT 2 ARGS kb check ${_in}/bad_pattern_kb.json
  STDERR "bad_pattern_kb.json: /entries/0/patterns/0: invalid regular expression" STDOUT_EMPTY)
cli_test("kb check: a table row's reference with a date that does not exist, with the file and the JSON path" EXIT 2
  ARGS kb check ${_in}/bad_reference_date_kb.json
  STDERR "bad_reference_date_kb.json: /entries/0/reference/checked: must be a real calendar date" STDOUT_EMPTY)
cli_test("kb check: a table row's reference that is not https, with the file and the JSON path" EXIT 2
  ARGS kb check ${_in}/bad_reference_url_kb.json
  STDERR "bad_reference_url_kb.json: /entries/0/reference/url: must be an https:// address" STDOUT_EMPTY)
cli_test("kb check: the built-in knowledge base says when its table rows were last checked against Microsoft's page" EXIT 0
  ARGS kb check ${CMAKE_SOURCE_DIR}/data/kb.json
  STDOUT "kb.json: 36 table row\\(s\\): rows checked between [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] and [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]; not on the page when last checked: smartsheet-plan-unsupported")
cli_test("kb check: a file that is not there" EXIT 2 ARGS kb check ${_in}/no-such-kb.json STDERR "cannot open" STDOUT_EMPTY)
cli_test("kb with no command is a usage error" EXIT 2 ARGS kb STDERR "kb needs a command: check" STDOUT_EMPTY)
cli_test("kb --help" EXIT 0 ARGS kb --help STDOUT "Usage: conndiag kb check FILE")
cli_test("a file named kb is read after --" EXIT 2 ARGS -- kb STDERR "cannot open kb" STDOUT_EMPTY)

# conndiag kb explain: its whole output on a small knowledge base of its own, compared with a golden file
# (a matched signature, one ruled out by the prefilter, a possible one whose second pattern did not match).
add_test(NAME "cli: kb explain shows, pattern by pattern, how a text is matched (golden output)"
  COMMAND bash -c "set -uo pipefail; '$<TARGET_FILE:conndiag>' kb explain --kb '${_in}/explain_kb.json' 'BoxAPIException: invalid_grant: Invalid refresh token (box.com) – Invalid token provided (E00000110)' | diff -u '${CMAKE_CURRENT_SOURCE_DIR}/cli/golden/kb_explain.txt' -")
cli_test("kb explain reads the text from standard input" EXIT 0 STDIN aadsts70008.txt ARGS kb explain
  STDOUT "normalized: .*aadsts70008.*candidate entries \\([0-9]+\\).*o365-aadsts70008-token-expired.*answer: o365-aadsts70008-token-expired \\(confident")
cli_test("kb explain with a broken --kb names the file and the path" EXIT 2 ARGS kb explain --kb ${_in}/bad_pattern_kb.json x
  STDERR "bad_pattern_kb.json: /entries/0/patterns/0: invalid regular expression" STDOUT_EMPTY)

# conndiag kb prepare: the built-in knowledge base's prepared form, written whole; a broken knowledge base, or
# the JSON itself as the output, writes nothing (and leaves the JSON as it was).
add_test(NAME "cli: kb prepare writes the prepared form of a knowledge base, and nothing for one it refuses"
  COMMAND bash -c "set -euo pipefail; dir=$(mktemp -d); trap 'rm -rf \"$dir\"' EXIT; c='$<TARGET_FILE:conndiag>'; \"$c\" kb prepare '${CMAKE_SOURCE_DIR}/data/kb.json' \"$dir/kb.prepared\" | grep -q 'kb.json: prepared in .*kb.prepared ([0-9]* bytes'; [ \"$(head -c 4 \"$dir/kb.prepared\")\" = CDKB ]; if \"$c\" kb prepare '${_in}/bad_pattern_kb.json' \"$dir/bad.prepared\" 2>\"$dir/err\"; then exit 1; fi; grep -q 'bad_pattern_kb.json: /entries/0/patterns/0: invalid regular expression' \"$dir/err\"; [ \"$(ls \"$dir\")\" = \"$(printf 'err\\nkb.prepared')\" ]; cp '${CMAKE_SOURCE_DIR}/data/kb.json' \"$dir/kb.json\"; if \"$c\" kb prepare \"$dir/kb.json\" \"$dir/kb.json\" 2>\"$dir/err\"; then exit 1; fi; grep -q 'is the knowledge base itself' \"$dir/err\"; cmp -s '${CMAKE_SOURCE_DIR}/data/kb.json' \"$dir/kb.json\"")
cli_test("kb prepare without its output file is a usage error" EXIT 2 ARGS kb prepare ${CMAKE_SOURCE_DIR}/data/kb.json
  STDERR "kb prepare takes a knowledge-base file and the file to write" STDOUT_EMPTY)

# The man page (written from the --help texts at build time): groff reads it without a warning, and it
# documents every option --help lists.
add_test(NAME "cli: the man page renders without warnings and documents every option of --help"
  COMMAND bash -c "set -uo pipefail; page='${CMAKE_BINARY_DIR}/man/conndiag.1'; warnings=$(groff -man -Tutf8 -ww -z \"$page\" 2>&1) || exit 1; [ -z \"$warnings\" ] || { echo \"$warnings\"; exit 1; }; text=$(LC_ALL=C groff -man -Tascii -P-cbou \"$page\") || exit 1; n=0; for opt in $('$<TARGET_FILE:conndiag>' --help | grep -oE -- '(--[a-z][a-z-]+|-[hV])\\b' | sort -u) kb check explain prepare; do n=$((n+1)); grep -qF -- \"$opt\" <<<\"$text\" || { echo \"missing from the man page: $opt\"; exit 1; }; done; [ $n -ge 12 ] || { echo \"only $n options found in --help\"; exit 1; }")

# Installing puts the command and its man page where a Linux admin looks for them; the installed command runs.
add_test(NAME "cli: cmake --install puts conndiag in bin and its man page in share/man/man1, and it runs"
  COMMAND bash -c "set -euo pipefail; root=$(mktemp -d); trap 'rm -rf \"$root\"' EXIT; '${CMAKE_COMMAND}' --install '${CMAKE_BINARY_DIR}' --prefix \"$root\" >/dev/null; \"$root/bin/conndiag\" --version | grep -q '^conndiag ${PROJECT_VERSION} '; groff -man -Tascii -P-cbou \"$root/share/man/man1/conndiag.1\" | grep -q 'KNOWLEDGE-BASE TOOLS'")

# docs/kb-authoring.md's complete example, read from the document as it is: it passes kb check, and its first
# example is diagnosed as its row.
add_test(NAME "cli: the kb-authoring walkthrough's example file passes kb check and answers its own error"
  COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/cli/kb_authoring_example.sh" "$<TARGET_FILE:conndiag>"
          "${CMAKE_SOURCE_DIR}/docs/kb-authoring.md")
