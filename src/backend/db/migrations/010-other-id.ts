// Schema 10: an identifier of any format beside the personal ID and the CMND (BHYT card, passport,
// household book, another register's own number, a foreign ID), compared and blocked on in matching.
// Two match flags were added before the record flags in review_item.flag_mask: the queues built
// by the older layout are derived data, dropped here and rebuilt on first use.

export const sql = `
ALTER TABLE source_record ADD COLUMN other_id TEXT;
ALTER TABLE population_record ADD COLUMN other_id TEXT;
DELETE FROM review_item;
DELETE FROM review_run;
`
