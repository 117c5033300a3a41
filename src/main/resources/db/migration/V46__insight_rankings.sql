-- Insight's rankings (see docs/insight.md, library): the loans by room and by title of one node over some months are
-- read from the node's roll-up rows, each month's in order of loans, so that the most borrowed titles of the root are
-- found from the heads of its monthly rankings instead of adding up every title's rows.
CREATE INDEX insight_month_ranked_idx ON insight_month (kind, unit_id, month, started DESC) INCLUDE (category)
  WHERE kind IN ('LOAN_ROOM', 'LOAN_TITLE');
