// Schema 8: backup settings and the log of backups made (the last good one, what rotation may
// remove), and the signing keys users had before an admin reset their password.

export const sql = `
-- Folder, rotation and schedule of backups: one value per key (defaults in backend/backup).
CREATE TABLE backup_setting (
  key TEXT PRIMARY KEY CHECK (key IN ('folder', 'keep_last', 'interval_hours', 'enabled')),
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Every backup tried from this database: where, why, and what its snapshot held. Rotation only
-- ever removes files listed here as good, so it never touches another machine's backups.
CREATE TABLE backup_log (
  id INTEGER PRIMARY KEY,
  reason TEXT NOT NULL CHECK (reason IN ('manual', 'scheduled', 'rekey', 'migration', 'restore')),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  folder TEXT NOT NULL,
  file TEXT,
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  error_code TEXT,
  -- What the check or the file system said, for support (the clerk sees the error code's message).
  error_detail TEXT,
  bytes INTEGER,
  -- Snapshot time, row counts, last audit event and approval ids (BackupSnapshot).
  snapshot_json TEXT,
  removed_at TEXT,
  CHECK (ok = 0 OR (file IS NOT NULL AND snapshot_json IS NOT NULL))
) STRICT;
CREATE INDEX backup_log_good ON backup_log (ok, id);

-- A user's signing key replaced by a password reset. Approvals it signed before retired_at stay
-- valid; nothing signed after that is accepted with it.
CREATE TABLE retired_user_key (
  fingerprint TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'supervisor')),
  public_key TEXT NOT NULL,
  retired_at TEXT NOT NULL,
  retired_by TEXT NOT NULL
) STRICT;
CREATE INDEX retired_user_key_user ON retired_user_key (username);
`
