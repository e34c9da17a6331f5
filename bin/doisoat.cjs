#!/usr/bin/env node
// The `doisoat` command: runs the TypeScript CLI through tsx, so no build step is needed.
'use strict'
require('tsx/cjs')
const { main } = require('../src/cli/main.ts')
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err) => {
    console.error(err && err.stack ? err.stack : String(err))
    process.exitCode = 1
  }
)
