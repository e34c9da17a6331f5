// Schema 3: match runs with their model, candidate pairs (levels, weights, flags, grade), results and links.

export const sql = `
CREATE TABLE match_run (
  id INTEGER PRIMARY KEY,
  source_batch_id INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
  scope TEXT NOT NULL CHECK (scope IN ('all', 'batch')),
  state TEXT NOT NULL CHECK (state IN ('done', 'cancelled', 'failed')),
  params_json TEXT NOT NULL,
  stats_json TEXT NOT NULL,
  source_count INTEGER NOT NULL,
  population_count INTEGER NOT NULL,
  started_by TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;

CREATE TABLE candidate_pair (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES match_run (id) ON DELETE CASCADE,
  source_record_id INTEGER NOT NULL REFERENCES source_record (id) ON DELETE CASCADE,
  population_record_id INTEGER NOT NULL REFERENCES population_record (id) ON DELETE CASCADE,
  rank INTEGER NOT NULL CHECK (rank >= 1),
  probability REAL NOT NULL CHECK (probability BETWEEN 0 AND 1),
  total_weight REAL NOT NULL,
  grade TEXT NOT NULL CHECK (grade IN ('certain', 'probable', 'possible', 'none')),
  levels_json TEXT NOT NULL,
  weights_json TEXT NOT NULL,
  flags_json TEXT NOT NULL,
  flag_bits INTEGER NOT NULL DEFAULT 0,
  UNIQUE (run_id, source_record_id, population_record_id)
) STRICT;
CREATE INDEX candidate_pair_run_grade ON candidate_pair (run_id, grade, probability DESC);
CREATE INDEX candidate_pair_source ON candidate_pair (source_record_id);
CREATE INDEX candidate_pair_population ON candidate_pair (population_record_id);

-- One row per flag of a pair: "filter by flag" over a million pairs uses the primary key.
CREATE TABLE pair_flag (
  flag TEXT NOT NULL,
  pair_id INTEGER NOT NULL REFERENCES candidate_pair (id) ON DELETE CASCADE,
  PRIMARY KEY (flag, pair_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX pair_flag_pair ON pair_flag (pair_id);

-- The outcome for every source record of a run, linked or not (unmatched records are work too).
CREATE TABLE match_result (
  run_id INTEGER NOT NULL REFERENCES match_run (id) ON DELETE CASCADE,
  source_record_id INTEGER NOT NULL REFERENCES source_record (id) ON DELETE CASCADE,
  pair_id INTEGER REFERENCES candidate_pair (id) ON DELETE SET NULL,
  grade TEXT NOT NULL CHECK (grade IN ('certain', 'probable', 'possible', 'none')),
  probability REAL NOT NULL,
  flags_json TEXT NOT NULL,
  PRIMARY KEY (run_id, source_record_id)
) STRICT;
CREATE INDEX match_result_grade ON match_result (run_id, grade);

-- The accepted link of a source record: made by the run (auto) or by a user.
CREATE TABLE link (
  id INTEGER PRIMARY KEY,
  source_record_id INTEGER NOT NULL UNIQUE REFERENCES source_record (id) ON DELETE CASCADE,
  population_record_id INTEGER NOT NULL REFERENCES population_record (id) ON DELETE CASCADE,
  run_id INTEGER REFERENCES match_run (id) ON DELETE SET NULL,
  pair_id INTEGER REFERENCES candidate_pair (id) ON DELETE SET NULL,
  method TEXT NOT NULL CHECK (method IN ('auto', 'user')),
  grade TEXT NOT NULL CHECK (grade IN ('certain', 'probable', 'possible', 'none')),
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
) STRICT;
CREATE INDEX link_population ON link (population_record_id);
`
