// Schema 12: what each single review decision replaced, so the clerk who made it can take it back.

export const sql = `
-- The record's review state and link as they were before one decision (JSON, null parts when there
-- were none), written with the decision. Reopen alone cannot undo: it would keep a link the clerk
-- just made, and cannot bring back the automatic link a rejection removed. A row whose undoes is
-- set is itself an undo; UNIQUE lets one decision be undone once, whoever asks at the same time.
CREATE TABLE review_undo (
  decision_id INTEGER PRIMARY KEY REFERENCES review_decision (id) ON DELETE CASCADE,
  before_json TEXT NOT NULL,
  undoes INTEGER UNIQUE REFERENCES review_decision (id) ON DELETE CASCADE
) STRICT;
`
