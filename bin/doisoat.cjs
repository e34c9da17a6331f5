#!/usr/bin/env node
// The `doisoat` command: runs the TypeScript CLI through tsx, so no build step is needed.
'use strict'
require('tsx/cjs')
const { main } = require('../src/cli/main.ts')
const { runCli } = require('../src/cli/run.ts')
runCli(main, process.argv.slice(2))
