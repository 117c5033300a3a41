-- benefits: union dues (会费) from payroll, exemptions (减免) and cash payments that clear arrears.

-- One payroll file an officer imported: who, when, which file, how many rows and how much.
CREATE TABLE benefits_dues_run
(
  id         BIGSERIAL PRIMARY KEY,
  actor_id   BIGINT                   NOT NULL,
  actor_name TEXT                     NOT NULL,
  file_name  TEXT                     NOT NULL,
  rows       INT                      NOT NULL CHECK (rows > 0),
  replaced   INT                      NOT NULL DEFAULT 0 CHECK (replaced >= 0 AND replaced <= rows),
  total      NUMERIC(12, 2)           NOT NULL CHECK (total >= 0),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX benefits_dues_run_actor_idx ON benefits_dues_run (actor_id, id DESC);

-- A member's dues for one month (the first day of the month stands for it): from payroll, or paid in cash to an
-- officer. unit_id is the member's union unit when recorded, so that a unit's totals stay what was collected there.
CREATE TABLE benefits_dues
(
  id          BIGSERIAL PRIMARY KEY,
  employee_id BIGINT                   NOT NULL,
  month       DATE                     NOT NULL CHECK (extract(DAY FROM month) = 1),
  unit_id     BIGINT                   NOT NULL,
  base        NUMERIC(12, 2) CHECK (base > 0),
  rate        NUMERIC(6, 5) CHECK (rate >= 0 AND rate <= 0.05),
  amount      NUMERIC(12, 2)           NOT NULL CHECK (amount >= 0),
  source      TEXT                     NOT NULL CHECK (source IN ('PAYROLL', 'CASH')),
  run_id      BIGINT REFERENCES benefits_dues_run (id),
  recorded_by BIGINT                   NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  UNIQUE (employee_id, month),
  -- A payroll row always has its base, rate and run; a cash payment has no run.
  CHECK ((source = 'PAYROLL') = (run_id IS NOT NULL)),
  CHECK (source = 'CASH' OR (base IS NOT NULL AND rate IS NOT NULL))
);
CREATE INDEX benefits_dues_unit_month_idx ON benefits_dues (unit_id, month);
CREATE INDEX benefits_dues_run_idx ON benefits_dues (run_id);
CREATE INDEX benefits_dues_payroll_month_idx ON benefits_dues (month) WHERE source = 'PAYROLL';

-- An exemption from a month to a month (inclusive; none = open-ended). Revoked ones stay for the record but count for
-- nothing; two live exemptions of one person never overlap.
CREATE TABLE benefits_dues_exemption
(
  id          BIGSERIAL PRIMARY KEY,
  employee_id BIGINT                   NOT NULL,
  unit_id     BIGINT                   NOT NULL,
  reason      TEXT                     NOT NULL CHECK (reason IN ('HARDSHIP', 'LONG_SICK_LEAVE', 'OTHER')),
  note        TEXT CHECK (length(note) <= 200),
  from_month  DATE                     NOT NULL CHECK (extract(DAY FROM from_month) = 1),
  to_month    DATE CHECK (extract(DAY FROM to_month) = 1),
  granted_by  BIGINT                   NOT NULL,
  granted_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  revoked_by  BIGINT,
  revoked_at  TIMESTAMP WITH TIME ZONE,
  CHECK (to_month IS NULL OR to_month >= from_month),
  CHECK (reason <> 'OTHER' OR note IS NOT NULL),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
  EXCLUDE USING gist (employee_id WITH =, daterange(from_month, to_month, '[]') WITH &&) WHERE (revoked_at IS NULL)
);
CREATE INDEX benefits_dues_exemption_person_idx ON benefits_dues_exemption (employee_id);
CREATE INDEX benefits_dues_exemption_unit_idx ON benefits_dues_exemption (unit_id) WHERE revoked_at IS NULL;
