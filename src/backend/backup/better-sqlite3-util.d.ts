// better-sqlite3's internal handle symbol: the online backup needs a keyed destination (see backup.ts).
declare module 'better-sqlite3/lib/util' {
  export const cppdb: unique symbol
}
