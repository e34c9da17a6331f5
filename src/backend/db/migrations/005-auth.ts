// Schema 5: users and their keys, trusted keys of other machines, approvals, review packages.

export const sql = `
-- A person who signs in (the table exists since 001). The password hash and the key that encrypts
-- the private signing key are both scrypt outputs of the password, under different salts. A row
-- without a hash or key (none are written before this version) cannot sign in.
ALTER TABLE app_user ADD COLUMN key_salt BLOB;
ALTER TABLE app_user ADD COLUMN private_key_enc BLOB;
ALTER TABLE app_user ADD COLUMN fingerprint TEXT;
ALTER TABLE app_user ADD COLUMN failed_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN locked_until TEXT;
ALTER TABLE app_user ADD COLUMN created_by TEXT;
ALTER TABLE app_user ADD COLUMN password_changed_at TEXT;
CREATE UNIQUE INDEX app_user_fingerprint ON app_user (fingerprint) WHERE fingerprint IS NOT NULL;

-- Keys of people on other machines (review packages), registered by an admin by fingerprint.
CREATE TABLE trusted_key (
  fingerprint TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL
) STRICT;

-- A supervisor's decision on a correction, with the signed bytes' payload and the signature.
CREATE TABLE approval (
  id INTEGER PRIMARY KEY,
  correction_uuid TEXT NOT NULL REFERENCES correction (uuid) ON DELETE CASCADE,
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
  reason TEXT,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  signature TEXT NOT NULL,
  public_key TEXT NOT NULL,
  package_id TEXT
) STRICT;
CREATE INDEX approval_correction ON approval (correction_uuid, id);
CREATE TRIGGER approval_no_update BEFORE UPDATE ON approval
BEGIN SELECT RAISE(ABORT, 'approval is append-only'); END;

-- Review packages seen by this database (exported or imported); an id is applied once.
CREATE TABLE review_package (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('proposals', 'decisions')),
  direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
  sha256 TEXT NOT NULL,
  signer TEXT NOT NULL,
  signer_fingerprint TEXT NOT NULL,
  reply_to TEXT,
  items INTEGER NOT NULL,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL
) STRICT;

-- On the supervisor's machine: what the clerk sent with each proposal (both records' fields).
CREATE TABLE package_item (
  package_id TEXT NOT NULL REFERENCES review_package (id),
  correction_uuid TEXT NOT NULL,
  proposer_fingerprint TEXT NOT NULL,
  pair_json TEXT NOT NULL,
  PRIMARY KEY (package_id, correction_uuid)
) STRICT, WITHOUT ROWID;
CREATE INDEX package_item_correction ON package_item (correction_uuid);

-- A correction that came in a review package is decided here and sent back, not synced from here.
ALTER TABLE correction ADD COLUMN origin_package TEXT;
`
