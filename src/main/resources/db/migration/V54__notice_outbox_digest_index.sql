-- A daily digest's rows point at the digest row (digest_id). Without an index, deleting any outbox row made
-- PostgreSQL scan the whole table for rows pointing at it: the purge of old rows, and clearing a large outbox,
-- grew with the square of the table (a test's DELETE of the demo's outbox took 150 s).
CREATE INDEX notice_outbox_digest_idx ON notice_outbox (digest_id) WHERE digest_id IS NOT NULL;
