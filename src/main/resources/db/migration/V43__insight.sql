-- Insight's read model (see docs/insight.md): facts from other modules' record snapshots, and their monthly roll-up.

-- The newest snapshot applied per record, so a late, older snapshot never overwrites a newer one.
CREATE TABLE insight_record
(
  record  TEXT   PRIMARY KEY,
  version BIGINT NOT NULL
);

CREATE TABLE insight_fact
(
  kind      TEXT   NOT NULL,
  source_id TEXT   NOT NULL,
  record    TEXT   NOT NULL,
  unit_id   BIGINT NOT NULL,
  person_id BIGINT,
  category  TEXT   NOT NULL DEFAULT '',
  starts_on DATE   NOT NULL,
  ends_on   DATE,
  due_on    DATE,
  value     NUMERIC(16, 2) NOT NULL DEFAULT 0,
  outcome   TEXT,
  PRIMARY KEY (kind, source_id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX insight_fact_record_idx ON insight_fact (record);
CREATE INDEX insight_fact_open_idx ON insight_fact (kind, unit_id) WHERE ends_on IS NULL;

-- Per kind, category, unit and month: facts started, facts ended (with their days), and the started facts' values.
CREATE TABLE insight_month
(
  kind       TEXT   NOT NULL,
  category   TEXT   NOT NULL,
  unit_id    BIGINT NOT NULL,
  month      DATE   NOT NULL,
  started    BIGINT NOT NULL DEFAULT 0,
  ended      BIGINT NOT NULL DEFAULT 0,
  value      NUMERIC(18, 2) NOT NULL DEFAULT 0,
  ended_days BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, month, unit_id, category)
);
