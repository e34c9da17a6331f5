// Schema 11: population records are versioned, never silently replaced. The content a change
// replaces is kept; links and decisions carry the version they were made on; a review item whose
// record changed under it is flagged until a clerk decides again; a correction whose record
// changed before it was sent is taken back ('outdated'). Also: links the run accepted on its own
// are a review state of their own ('auto_accepted'), and the app's settings (an admin who also
// takes the clerk's role). SQLite changes a CHECK only by rebuilding the table: correction and
// review_decision are copied as they are (foreign keys off meanwhile, checked before the commit);
// review_item is a copy of the match results, emptied and rebuilt on first use.

/** Tables whose references the runner checks before it commits this migration. */
export const foreignKeyCheck = [
  'correction',
  'correction_field',
  'approval',
  'outbox',
  'review_decision'
]

const states = `'open', 'accepted', 'rejected', 'relinked', 'duplicate', 'not_in_population',
    'auto_accepted'`
const grades = `'certain', 'probable', 'possible', 'none'`

const CORRECTION_COLUMNS = `uuid, source_record_id, population_record_id, population_key,
  population_version, side, reason, reason_text, evidence, state, proposed_by, proposed_at,
  updated_at, origin_package, supersedes_uuid`

const DECISION_COLUMNS = `id, source_record_id, pair_id, action, population_record_id, state_before,
  state_after, note, bulk, actor, at`

export const sql = `
-- The content of a population record as it was before a change replaced it (an import of a newer
-- extract, a sync pull). Ids are history, not keys: the record may later be deleted, its history
-- stays. Append-only.
CREATE TABLE population_record_version (
  id INTEGER PRIMARY KEY,
  population_record_id INTEGER NOT NULL,
  record_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  -- The person fields (PERSON_FIELDS) of that version, and the cells no field took.
  fields_json TEXT NOT NULL,
  raw_json TEXT,
  batch_id INTEGER,
  row_number INTEGER,
  snapshot_at TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  replaced_by_version INTEGER NOT NULL,
  cause TEXT NOT NULL CHECK (cause IN ('import', 'sync')),
  -- The import batch that brought the new version (null for a sync pull).
  cause_batch_id INTEGER
) STRICT;
CREATE INDEX population_record_version_record
  ON population_record_version (population_record_id, version);
CREATE TRIGGER population_record_version_no_update BEFORE UPDATE ON population_record_version
BEGIN SELECT RAISE(ABORT, 'population_record_version is append-only'); END;
CREATE TRIGGER population_record_version_no_delete BEFORE DELETE ON population_record_version
BEGIN SELECT RAISE(ABORT, 'population_record_version is append-only'); END;

-- Source records whose population record changed under their link, decision or correction: back
-- in review until a clerk decides again. from_version is the version the work was done on.
CREATE TABLE review_population_change (
  source_record_id INTEGER PRIMARY KEY REFERENCES source_record (id) ON DELETE CASCADE,
  population_record_id INTEGER NOT NULL REFERENCES population_record (id) ON DELETE CASCADE,
  from_version INTEGER NOT NULL,
  to_version INTEGER NOT NULL,
  cause TEXT NOT NULL CHECK (cause IN ('import', 'sync')),
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX review_population_change_record ON review_population_change (population_record_id);

-- The version of the population record a link was made on (links made before this version: the
-- version the record has now, the best that is known).
ALTER TABLE link ADD COLUMN population_version INTEGER;
UPDATE link SET population_version =
  (SELECT version FROM population_record p WHERE p.id = link.population_record_id);

-- The largest source record id a run saw: a register batch imported after the last full run
-- has larger ids, and is not matched yet (what the Đối soát screen offers to match).
ALTER TABLE match_run ADD COLUMN last_source_id INTEGER;
UPDATE match_run SET last_source_id =
  (SELECT max(source_record_id) FROM match_result WHERE run_id = match_run.id);

-- What a population import found, by record key (null for other kinds and older batches).
ALTER TABLE import_batch ADD COLUMN records_new INTEGER;
ALTER TABLE import_batch ADD COLUMN records_changed INTEGER;
ALTER TABLE import_batch ADD COLUMN records_unchanged INTEGER;

CREATE TABLE correction_new (
  uuid TEXT PRIMARY KEY,
  source_record_id INTEGER REFERENCES source_record (id) ON DELETE SET NULL,
  population_record_id INTEGER REFERENCES population_record (id) ON DELETE SET NULL,
  population_key TEXT NOT NULL,
  population_version INTEGER NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('population', 'local')),
  reason TEXT NOT NULL,
  reason_text TEXT,
  evidence TEXT,
  -- 'outdated': the population record changed before the correction was sent; its signature
  -- covers content that no longer holds, so it is never sent (proposed again, or withdrawn).
  state TEXT NOT NULL CHECK (state IN
    ('draft', 'proposed', 'approved', 'rejected', 'queued', 'sent', 'accepted', 'refused', 'conflict',
     'superseded', 'withdrawn', 'outdated')),
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  origin_package TEXT,
  supersedes_uuid TEXT REFERENCES correction (uuid)
) STRICT;
INSERT INTO correction_new (${CORRECTION_COLUMNS}) SELECT ${CORRECTION_COLUMNS} FROM correction;
DROP TABLE correction;
ALTER TABLE correction_new RENAME TO correction;
CREATE INDEX correction_state ON correction (state, proposed_at);
CREATE INDEX correction_source ON correction (source_record_id);
CREATE UNIQUE INDEX correction_supersedes ON correction (supersedes_uuid)
  WHERE supersedes_uuid IS NOT NULL;
CREATE INDEX correction_population ON correction (population_record_id)
  WHERE population_record_id IS NOT NULL;

CREATE TABLE review_decision_new (
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
  at TEXT NOT NULL,
  -- The version of the population record decided on.
  population_version INTEGER
) STRICT;
INSERT INTO review_decision_new (${DECISION_COLUMNS}) SELECT ${DECISION_COLUMNS} FROM review_decision;
DROP TABLE review_decision;
ALTER TABLE review_decision_new RENAME TO review_decision;
CREATE INDEX review_decision_source ON review_decision (source_record_id, id);
CREATE TRIGGER review_decision_no_update BEFORE UPDATE ON review_decision
BEGIN SELECT RAISE(ABORT, 'review_decision is append-only'); END;

-- A copy of each run's results: rebuilt on first use with the new state and flag.
DROP TABLE review_item;
DELETE FROM review_run;
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

-- Settings of the whole app, changed by an admin (audited); one value per key.
CREATE TABLE app_setting (
  key TEXT PRIMARY KEY CHECK (key IN ('admin_reviews')),
  value TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`
