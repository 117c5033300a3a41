-- org: employees on the books per unit at the end of each month (the current month kept current by every recount),
-- so figures elsewhere can show coverage over time and be rebuilt from here.
CREATE TABLE unit_headcount_month
(
  unit_id   BIGINT NOT NULL REFERENCES org_unit (id),
  month     DATE   NOT NULL CHECK (extract(day FROM month) = 1),
  employees INT    NOT NULL CHECK (employees >= 0),
  PRIMARY KEY (unit_id, month)
);
INSERT INTO unit_headcount_month (unit_id, month, employees)
SELECT unit_id, date_trunc('month', current_date)::date, employees FROM unit_stats;
