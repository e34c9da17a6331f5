// Schema 13: model versions (fitted, learnt from decisions, imported from a signed file) and which
// one graded each match run, so a learnt model can be compared with the one before and rolled back.

export const sql = `
CREATE TABLE model_version (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES model_version (id) ON DELETE SET NULL,
  origin TEXT NOT NULL CHECK (origin IN ('fitted', 'learnt', 'imported')),
  -- The whole model (ModelParams, with what it learnt): what a run with this version scores with.
  params_json TEXT NOT NULL,
  -- What it was learnt from and what changed: labels per profile, weights before and after, the
  -- expected error on open pairs before and after.
  summary_json TEXT NOT NULL,
  -- An imported version: the file's id, its signer and the signer's key fingerprint.
  file_id TEXT,
  signer TEXT,
  signer_fingerprint TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK ((origin = 'imported') = (file_id IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX model_version_file ON model_version (file_id) WHERE file_id IS NOT NULL;

ALTER TABLE match_run ADD COLUMN model_version_id INTEGER REFERENCES model_version (id) ON DELETE SET NULL;
`
