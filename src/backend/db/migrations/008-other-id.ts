// Schema 8: an identifier of any format beside the personal ID and the CMND (BHYT card, passport,
// household book, another register's own number, a foreign ID), compared and blocked on in matching.

export const sql = `
ALTER TABLE source_record ADD COLUMN other_id TEXT;
ALTER TABLE population_record ADD COLUMN other_id TEXT;
`
