// Bootstrap of the import reader thread when running from TypeScript sources (CLI, tests): tsx first.
'use strict'
require('tsx/cjs')
require('./import-worker.ts')
