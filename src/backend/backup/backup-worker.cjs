// Bootstrap of the backup thread when running from TypeScript sources (CLI, tests): tsx first.
'use strict'
require('tsx/cjs')
require('./backup-worker.ts')
