// Schema 6: the sync outbox (one row per approved correction), the sync settings and cursor,
// and the population records a pull changed (to re-match).

export const sql = `
-- What must reach the national side. Inserted in the approval's transaction; each answer from
-- the gateway updates it in the same transaction as the correction's state.
CREATE TABLE outbox (
  correction_uuid TEXT PRIMARY KEY REFERENCES correction (uuid),
  -- The signed approval exactly as the gateway receives it ({payload, signature, publicKey}).
  payload_json TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'parked', 'conflict', 'done')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Milliseconds since epoch; 0: at once.
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  -- Hybrid logical clock time of the approval (formatHlc): the queue's order.
  hlc TEXT NOT NULL,
  -- The gateway's answer (CorrectionResult), and on a conflict the national record as it stands.
  result_json TEXT,
  current_json TEXT,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, hlc);

-- Gateway URL, workstation credentials, pull cursor, last sync, the clock: one value per key.
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Population records a pull inserted or changed since the last match run.
CREATE TABLE sync_rematch (
  record_key TEXT PRIMARY KEY,
  changed_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`
