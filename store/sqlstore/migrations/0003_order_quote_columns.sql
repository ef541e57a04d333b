-- The configuration version and the quote time of an order move out of
-- the hashed body: a retried checkout that re-quotes gets a new quote time
-- (and maybe a reloaded configuration) for the same order, and must still
-- get the first order back.
ALTER TABLE orders ADD COLUMN config_version TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN quoted_at TEXT NOT NULL DEFAULT '';
