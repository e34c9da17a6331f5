// Child process of maintenance.test.ts: holds a database's maintenance lock (as a rekey does
// while it swaps the file) for the given milliseconds, saying when it has it.
import { withMaintenanceLock } from '../../src/backend/db/maintenance-lock'

const [db, ms] = process.argv.slice(2)
withMaintenanceLock(db!, () => {
  process.stdout.write('locked\n')
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms))
})
