// Schema 7: derived data a bulk import leaves to be rebuilt after its commit (the quick-search
// index of a million records takes seconds to refill: the import's transaction does not wait
// for it, and a crash before the refill only leaves the marker behind).

export const sql = `
CREATE TABLE pending_rebuild (
  name TEXT PRIMARY KEY CHECK (name IN ('population_fts')),
  since TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`
