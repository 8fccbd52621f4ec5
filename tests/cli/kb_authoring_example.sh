#!/usr/bin/env bash
# The walkthrough's example (the first ```json block of docs/kb-authoring.md, as the reader copies it)
# passes `conndiag kb check`, and its first example text is diagnosed as its row.
# Usage: kb_authoring_example.sh CONNDIAG DOC
set -euo pipefail
conndiag=$1
doc=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
awk '/^```json$/ {on = 1; next} /^```$/ {if (on) exit} on' "$doc" > "$dir/contoso-kb.json"
"$conndiag" kb check "$dir/contoso-kb.json" | grep -q 'valid (knowledge base [0-9.]*+contoso-help-2): 1 entry checked'
echo 'HttpRequestFailure: Server returned: 407 Proxy Authentication Required (proxy.contoso.com)' |
  "$conndiag" --kb "$dir/contoso-kb.json" --app office365 --top 1 | grep -q '\[contoso-proxy-auth-required\]'
