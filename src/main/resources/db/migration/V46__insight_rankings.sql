-- Insight's reads by node (see docs/insight.md). A section reads the roll-up rows of a node and its children for all
-- months up to the range's end: by kind, unit and month, not by kind and month across every unit (at province scale
-- the root's loans read 3,300 rows of 330,000 through the primary key's order).
CREATE INDEX insight_month_unit_idx ON insight_month (kind, unit_id, month);

-- The loans by room and by title of one node over some months, each month's rows in order of loans: the most
-- borrowed titles of the root are found from the heads of its monthly rankings instead of adding up every title's rows.
CREATE INDEX insight_month_ranked_idx ON insight_month (kind, unit_id, month, started DESC) INCLUDE (category)
  WHERE kind IN ('LOAN_ROOM', 'LOAN_TITLE');
