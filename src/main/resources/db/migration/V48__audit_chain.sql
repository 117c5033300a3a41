-- shared: the audit trail becomes tamper-evident. Rows are still written as before, in the writer's own transaction
-- and with no lock; a sealer (audit_seal, run every minute and before each verification) then gives the rows not yet
-- sealed a place in one chain, in the order it finds them committed: seq 1, 2, 3 … with each row's SHA-256 over its
-- fields and the previous row's hash. A row changed afterwards (only possible with the append-only trigger disabled)
-- no longer matches its hash, and a row taken out leaves a gap in seq; audit_verify names the first such row.
ALTER TABLE audit_event
  ADD COLUMN seq       BIGINT,
  ADD COLUMN prev_hash BYTEA,
  ADD COLUMN row_hash  BYTEA;
CREATE UNIQUE INDEX audit_event_seq_idx ON audit_event (seq);
CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE seq IS NULL;

-- Each field as length:text, so no shift of text between two fields gives the same input.
CREATE FUNCTION audit_field(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS
$$
SELECT coalesce(length(value) || ':' || value, '-')
$$;

CREATE FUNCTION audit_row_hash(e audit_event) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS
$$
SELECT sha256(convert_to(concat_ws('|', audit_field(encode(e.prev_hash, 'hex')), audit_field(e.seq::text),
    audit_field(e.id::text), audit_field(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')),
    audit_field(e.actor_id::text), audit_field(e.actor_name), audit_field(e.action), audit_field(e.target_type),
    audit_field(e.target_id), audit_field(e.unit_id::text), audit_field(e.summary), audit_field(e.before),
    audit_field(e.after)), 'UTF8'))
$$;

-- The trigger still refuses every change, except the sealer's one-time filling of the three chain columns.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND OLD.prev_hash IS NULL AND OLD.row_hash IS NULL
     AND NEW.seq IS NOT NULL AND NEW.row_hash IS NOT NULL
     AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_name, NEW.action, NEW.target_type, NEW.target_id, NEW.unit_id,
          NEW.summary, NEW.before, NEW.after)
         IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.actor_name, OLD.action, OLD.target_type,
                               OLD.target_id, OLD.unit_id, OLD.summary, OLD.before, OLD.after) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;

-- One sealer at a time across all nodes (a transaction-level advisory lock); every statement after the lock sees
-- what the previous sealer committed. Returns the number of rows sealed.
CREATE FUNCTION audit_seal() RETURNS INTEGER LANGUAGE plpgsql AS
$$
DECLARE
  last_seq  BIGINT;
  last_hash BYTEA;
  r         audit_event;
  sealed    INTEGER := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit-seal'), 0);
  SELECT seq, row_hash INTO last_seq, last_hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  last_seq := coalesce(last_seq, 0);
  FOR r IN SELECT * FROM audit_event WHERE seq IS NULL ORDER BY id LOOP
    last_seq := last_seq + 1;
    r.seq := last_seq;
    r.prev_hash := last_hash;
    r.row_hash := audit_row_hash(r);
    UPDATE audit_event SET seq = r.seq, prev_hash = r.prev_hash, row_hash = r.row_hash WHERE id = r.id;
    last_hash := r.row_hash;
    sealed := sealed + 1;
  END LOOP;
  RETURN sealed;
END;
$$;

-- The first sealed row, in chain order, that is out of place, does not link to the row before, or does not match its
-- own hash; no row when the chain holds.
CREATE FUNCTION audit_verify() RETURNS TABLE (seq BIGINT, id BIGINT, problem TEXT) LANGUAGE sql STABLE AS
$$
SELECT c.seq, c.id,
       CASE WHEN c.seq <> c.position THEN 'GAP' WHEN c.link_broken THEN 'LINK' ELSE 'HASH' END
FROM (SELECT e.seq, e.id, row_number() OVER w AS position,
             e.prev_hash IS DISTINCT FROM lag(e.row_hash) OVER w AS link_broken,
             e.row_hash IS DISTINCT FROM audit_row_hash(e) AS hash_broken
      FROM audit_event e
      WHERE e.seq IS NOT NULL
      WINDOW w AS (ORDER BY e.seq)) c
WHERE c.seq <> c.position OR c.link_broken OR c.hash_broken
ORDER BY c.seq
LIMIT 1
$$;

-- Rows written before this migration join the chain now, in the order they were written.
SELECT audit_seal();
