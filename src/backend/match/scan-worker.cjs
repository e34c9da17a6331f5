// Bootstrap of the scan worker when running from TypeScript sources (CLI, tests): tsx first.
'use strict'
require('tsx/cjs')
require('./scan-worker.ts')
