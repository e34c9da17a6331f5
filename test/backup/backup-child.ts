// A backup in a child process, paced (a pause between steps) and saying "step" after each: the
// process the kill test stops with SIGKILL in the middle of the copy. Arguments: DB FOLDER.
// The passphrase comes in DOISOAT_PASSPHRASE, as for the CLI.
import { makeBackup } from '../../src/backend/backup/backup'
import { unlockDatabase } from '../../src/backend/crypto/unlock'

const [dbPath, folder] = process.argv.slice(2) as [string, string]
unlockDatabase(dbPath, { passphrase: process.env.DOISOAT_PASSPHRASE })
void makeBackup({
  dbPath,
  folder,
  pagesPerStep: 8,
  pauseMs: 25,
  progress: () => process.stdout.write('step\n')
}).then(() => process.stdout.write('done\n'))
