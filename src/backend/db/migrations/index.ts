// The ordered list of migrations; the position in this list is the schema version.
import * as m001 from './001-initial'
import * as m002 from './002-import-profiles'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: '001-initial', sql: m001.sql },
  { version: 2, name: '002-import-profiles', sql: m002.sql }
]

export const LATEST_VERSION = MIGRATIONS.length
