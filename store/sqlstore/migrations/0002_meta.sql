-- Facts about the database itself: the data-residency tag it was opened
-- with, so that it is never reused for a market with another tag; and an
-- index to purge expired nonces.
CREATE TABLE meta (
	k TEXT NOT NULL PRIMARY KEY,
	v TEXT NOT NULL
);
CREATE INDEX handoff_nonces_by_expiry ON handoff_nonces (expires_us);
