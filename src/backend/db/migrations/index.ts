// The ordered list of migrations; the position in this list is the schema version.
import * as m001 from './001-initial'
import * as m002 from './002-import-profiles'
import * as m003 from './003-match'
import * as m004 from './004-review'
import * as m005 from './005-auth'
import * as m006 from './006-sync'
import * as m007 from './007-pending-rebuild'
import * as m008 from './008-correction-followup'
import * as m009 from './009-backup'
import * as m010 from './010-other-id'
import * as m011 from './011-population-versions'
import * as m012 from './012-review-undo'
import * as m013 from './013-model-versions'

export interface Migration {
  version: number
  name: string
  sql: string
  /**
   * A migration that rebuilds tables runs with foreign keys off (a DROP must not cascade); the
   * references of these tables are checked before the commit.
   */
  foreignKeyCheck?: string[]
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: '001-initial', sql: m001.sql },
  { version: 2, name: '002-import-profiles', sql: m002.sql },
  { version: 3, name: '003-match', sql: m003.sql },
  { version: 4, name: '004-review', sql: m004.sql },
  { version: 5, name: '005-auth', sql: m005.sql },
  { version: 6, name: '006-sync', sql: m006.sql },
  { version: 7, name: '007-pending-rebuild', sql: m007.sql },
  {
    version: 8,
    name: '008-correction-followup',
    sql: m008.sql,
    foreignKeyCheck: m008.foreignKeyCheck
  },
  { version: 9, name: '009-backup', sql: m009.sql },
  { version: 10, name: '010-other-id', sql: m010.sql },
  {
    version: 11,
    name: '011-population-versions',
    sql: m011.sql,
    foreignKeyCheck: m011.foreignKeyCheck
  },
  { version: 12, name: '012-review-undo', sql: m012.sql },
  { version: 13, name: '013-model-versions', sql: m013.sql }
]

export const LATEST_VERSION = MIGRATIONS.length
