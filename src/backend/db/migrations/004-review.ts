// Schema 4: review decisions and state, queue items, corrections, saved views, quick search.

const states = `'open', 'accepted', 'rejected', 'relinked', 'duplicate', 'not_in_population'`
const grades = `'certain', 'probable', 'possible', 'none'`

// What quick search indexes of a population row; the delete command must repeat it exactly.
const ftsName = (r: string): string => `${r}name_key`
const ftsDob = (r: string): string => `replace(coalesce(${r}dob, ''), '-', ' ')`
const ftsIds = (r: string): string =>
  `trim(coalesce(${r}id_number, '') || ' ' || coalesce(${r}legacy_id, '') || ' ' || lower(${r}record_key))`
/** The indexed values of a population_record row, for a one-pass rebuild (rebuildPopulationFts). */
export const FTS_VALUES = `${ftsName('')}, ${ftsDob('')}, ${ftsIds('')}`

export const sql = `
-- Where the clerk stands on each source record; it outlives match runs (a rerun keeps decisions).
CREATE TABLE review_state (
  source_record_id INTEGER PRIMARY KEY REFERENCES source_record (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN (${states})),
  population_record_id INTEGER,
  pair_id INTEGER,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
) STRICT;

-- Every decision and note, in order. Ids of pairs and population records are history, not keys:
-- a later run or import may remove them and the history must still read the same.
CREATE TABLE review_decision (
  id INTEGER PRIMARY KEY,
  source_record_id INTEGER NOT NULL REFERENCES source_record (id) ON DELETE CASCADE,
  pair_id INTEGER,
  action TEXT NOT NULL
    CHECK (action IN ('accept', 'reject', 'relink', 'duplicate', 'not_in_population', 'note', 'reopen')),
  population_record_id INTEGER,
  state_before TEXT NOT NULL CHECK (state_before IN (${states})),
  state_after TEXT NOT NULL CHECK (state_after IN (${states})),
  note TEXT,
  bulk INTEGER NOT NULL DEFAULT 0 CHECK (bulk IN (0, 1)),
  actor TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX review_decision_source ON review_decision (source_record_id, id);
CREATE TRIGGER review_decision_no_update BEFORE UPDATE ON review_decision
BEGIN SELECT RAISE(ABORT, 'review_decision is append-only'); END;

-- The queue: one row per source record of a run, with the columns the grid filters and sorts on
-- copied in, so a page of a million-row queue is one index walk, not a five-table join.
CREATE TABLE review_item (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES match_run (id) ON DELETE CASCADE,
  source_record_id INTEGER NOT NULL REFERENCES source_record (id) ON DELETE CASCADE,
  pair_id INTEGER,
  population_record_id INTEGER,
  grade TEXT NOT NULL CHECK (grade IN (${grades})),
  grade_rank INTEGER NOT NULL,
  probability REAL NOT NULL,
  flag_mask INTEGER NOT NULL,
  batch_id INTEGER NOT NULL,
  commune TEXT,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN (${states})),
  name_key TEXT NOT NULL,
  dob TEXT,
  UNIQUE (run_id, source_record_id)
) STRICT;
CREATE INDEX review_item_source ON review_item (source_record_id);

-- Runs whose queue has been built (a run with no results still counts as built). Its items were
-- inserted together, so they hold the ids first_id..last_id: read back as one sequential range.
CREATE TABLE review_run (
  run_id INTEGER PRIMARY KEY REFERENCES match_run (id) ON DELETE CASCADE,
  items INTEGER NOT NULL,
  first_id INTEGER,
  last_id INTEGER,
  built_at TEXT NOT NULL
) STRICT;

-- A correction request: one person, one side, one or more fields; approval, sending and the
-- national side's answer move its state on (src/core/review/lifecycle.ts).
CREATE TABLE correction (
  uuid TEXT PRIMARY KEY,
  source_record_id INTEGER REFERENCES source_record (id) ON DELETE SET NULL,
  population_record_id INTEGER REFERENCES population_record (id) ON DELETE SET NULL,
  population_key TEXT NOT NULL,
  population_version INTEGER NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('population', 'local')),
  reason TEXT NOT NULL,
  reason_text TEXT,
  evidence TEXT,
  state TEXT NOT NULL CHECK (state IN
    ('draft', 'proposed', 'approved', 'rejected', 'queued', 'sent', 'accepted', 'refused', 'conflict')),
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX correction_state ON correction (state, proposed_at);
CREATE INDEX correction_source ON correction (source_record_id);

CREATE TABLE correction_field (
  correction_uuid TEXT NOT NULL REFERENCES correction (uuid) ON DELETE CASCADE,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT NOT NULL,
  PRIMARY KEY (correction_uuid, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE saved_view (
  user TEXT NOT NULL,
  name TEXT NOT NULL,
  view_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user, name)
) STRICT, WITHOUT ROWID;

-- Quick search: folded name words (any order), date parts and ID digits as tokens; prefix
-- indexes of 2 and 3 characters answer as-you-type queries without merging term lists.
-- Contentless (the text lives in population_record); a row is removed with the 'delete' command
-- and its old values, which is cheaper at import than contentless_delete.
CREATE VIRTUAL TABLE population_fts USING fts5 (
  name, dob, ids,
  content = '',
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '2 3'
);
INSERT INTO population_fts (rowid, name, dob, ids)
  SELECT id, ${FTS_VALUES} FROM population_record;
-- Triggers, not the importer, keep it current: every path that writes population records is covered.
CREATE TRIGGER population_fts_insert AFTER INSERT ON population_record BEGIN
  INSERT INTO population_fts (rowid, name, dob, ids)
    VALUES (NEW.id, ${ftsName('NEW.')}, ${ftsDob('NEW.')}, ${ftsIds('NEW.')});
END;
CREATE TRIGGER population_fts_delete AFTER DELETE ON population_record BEGIN
  INSERT INTO population_fts (population_fts, rowid, name, dob, ids)
    VALUES ('delete', OLD.id, ${ftsName('OLD.')}, ${ftsDob('OLD.')}, ${ftsIds('OLD.')});
END;
CREATE TRIGGER population_fts_update
AFTER UPDATE OF name_key, dob, id_number, legacy_id, record_key ON population_record BEGIN
  INSERT INTO population_fts (population_fts, rowid, name, dob, ids)
    VALUES ('delete', OLD.id, ${ftsName('OLD.')}, ${ftsDob('OLD.')}, ${ftsIds('OLD.')});
  INSERT INTO population_fts (rowid, name, dob, ids)
    VALUES (NEW.id, ${ftsName('NEW.')}, ${ftsDob('NEW.')}, ${ftsIds('NEW.')});
END;
`
