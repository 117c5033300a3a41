-- Insight's roll-up becomes per subtree (see docs/insight.md): a row's unit_id is the root of the subtree it counts,
-- so a dashboard for any node reads its own rows and its children's, never a list of the subtree's units. Levels of a
-- value (employees on the books) need the value of the facts that ended too. The figures before this change counted
-- units on their own: they are emptied and rebuilt.
TRUNCATE insight_fact, insight_month, insight_record;

ALTER TABLE insight_month ADD COLUMN ended_value NUMERIC(18, 2) NOT NULL DEFAULT 0;

-- The unit's path when the fact was written: small groups (care, aid, evaluations) are counted over a subtree's facts.
ALTER TABLE insight_fact ADD COLUMN unit_path TEXT NOT NULL DEFAULT '';
CREATE INDEX insight_fact_path_idx ON insight_fact (kind, unit_path text_pattern_ops);
DROP INDEX insight_fact_open_idx;
CREATE INDEX insight_fact_open_idx ON insight_fact (kind, unit_path text_pattern_ops) WHERE ends_on IS NULL;
