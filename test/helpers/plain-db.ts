// Vitest setup: unit and integration tests open unencrypted databases unless they pass a key, so
// they stay fast. The app and the CLI never call allowPlainDatabases (test/crypto covers them).
import { allowPlainDatabases } from '../../src/backend/db/open'

allowPlainDatabases()
