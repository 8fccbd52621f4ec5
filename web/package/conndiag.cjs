#!/usr/bin/env node
// `npx conndiag`: the conndiag command, the native command's own C++ compiled for Node (../cli/), which reads
// the arguments, the environment, the files and standard input, and sets the exit status itself.
'use strict';
require('../cli/conndiag-cli.cjs');
