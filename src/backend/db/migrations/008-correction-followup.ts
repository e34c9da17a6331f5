// Schema 8: what follows a correction the national side refused or found in conflict. Two final
// states (superseded by a new correction, withdrawn), the link from a resubmission to the one it
// replaces, and an outbox state for items a person has dealt with. SQLite changes a CHECK only by
// rebuilding the table: both tables are copied as they are (foreign keys are off meanwhile, so
// dropping the old correction table does not cascade into its fields, approvals and outbox).

/** Tables whose references the runner checks before it commits this migration. */
export const foreignKeyCheck = ['correction', 'correction_field', 'approval', 'outbox']

const CORRECTION_COLUMNS = `uuid, source_record_id, population_record_id, population_key,
  population_version, side, reason, reason_text, evidence, state, proposed_by, proposed_at,
  updated_at, origin_package`

const OUTBOX_COLUMNS = `correction_uuid, payload_json, state, attempts, next_attempt_at,
  last_error, hlc, result_json, current_json, updated_at`

export const sql = `
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
  state TEXT NOT NULL CHECK (state IN
    ('draft', 'proposed', 'approved', 'rejected', 'queued', 'sent', 'accepted', 'refused', 'conflict',
     'superseded', 'withdrawn')),
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  origin_package TEXT,
  -- A resubmission is a new correction (new UUID: the gateway keeps its answer per UUID) that
  -- names the refused or conflicting one it replaces; each is replaced at most once.
  supersedes_uuid TEXT REFERENCES correction (uuid)
) STRICT;
INSERT INTO correction_new (${CORRECTION_COLUMNS}) SELECT ${CORRECTION_COLUMNS} FROM correction;
DROP TABLE correction;
ALTER TABLE correction_new RENAME TO correction;
CREATE INDEX correction_state ON correction (state, proposed_at);
CREATE INDEX correction_source ON correction (source_record_id);
CREATE UNIQUE INDEX correction_supersedes ON correction (supersedes_uuid)
  WHERE supersedes_uuid IS NOT NULL;
-- Before this version a refused item left its correction 'queued' for ever, and a conflict sent
-- back to review kept its UUID (which the gateway answers with its first result, and which the
-- outbox holds already). Both become what a clerk can act on now; the outbox keeps the reason.
UPDATE correction SET state = 'refused'
  WHERE state IN ('queued', 'sent')
    AND uuid IN (SELECT correction_uuid FROM outbox WHERE state = 'parked');
UPDATE correction SET state = 'conflict'
  WHERE state = 'proposed'
    AND uuid IN (SELECT correction_uuid FROM outbox WHERE state = 'conflict');

-- 'closed': the gateway refused the item or found it in conflict, and a person has dealt with it
-- (resubmitted, re-signed or withdrawn); it stays for the record and leaves the work list.
CREATE TABLE outbox_new (
  correction_uuid TEXT PRIMARY KEY REFERENCES correction (uuid),
  payload_json TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'parked', 'conflict', 'done', 'closed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  hlc TEXT NOT NULL,
  result_json TEXT,
  current_json TEXT,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO outbox_new (${OUTBOX_COLUMNS}) SELECT ${OUTBOX_COLUMNS} FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, hlc);
`
