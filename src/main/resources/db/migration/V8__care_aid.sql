-- care: hardship aid (困难职工帮扶). The situation, review comments and evidence names are encrypted
-- (FieldCipher); evidence files are sealed in the file store and only their keys are kept here.
CREATE TABLE care_aid
(
  id              BIGSERIAL PRIMARY KEY,
  employee_id     BIGINT        NOT NULL,
  -- The employee's union unit when they applied: its chain (the unit and those above it) sees the application.
  unit_id         BIGINT        NOT NULL,
  year            INT           NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  category        TEXT          NOT NULL CHECK (category IN ('ILLNESS', 'DISASTER', 'FAMILY', 'EDUCATION', 'OTHER')),
  amount_asked    NUMERIC(10, 2) NOT NULL CHECK (amount_asked > 0 AND amount_asked <= 100000),
  situation_enc   TEXT          NOT NULL,
  status          TEXT          NOT NULL CHECK (status IN ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'DECLINED', 'PAID')),
  -- Whose officers review now; null at the committee's step and once decided.
  current_unit_id BIGINT,
  amount_approved NUMERIC(10, 2) CHECK (amount_approved > 0 AND amount_approved <= amount_asked),
  decided_on      DATE,
  paid_on         DATE,
  amount_paid     NUMERIC(10, 2) CHECK (amount_paid > 0 AND amount_paid <= amount_approved),
  pay_method      TEXT CHECK (pay_method IN ('CASH', 'TRANSFER', 'IN_KIND')),
  paid_by         BIGINT,
  -- The account that applied: the employee's own, or the officer's who applied on their behalf.
  applied_by      BIGINT        NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK (status IN ('SUBMITTED', 'IN_REVIEW') OR current_unit_id IS NULL),
  CHECK ((status IN ('APPROVED', 'DECLINED', 'PAID')) = (decided_on IS NOT NULL)),
  CHECK ((status IN ('APPROVED', 'PAID')) = (amount_approved IS NOT NULL)),
  CHECK ((status = 'PAID') = (paid_on IS NOT NULL)),
  CHECK ((paid_on IS NULL) = (amount_paid IS NULL) AND (paid_on IS NULL) = (pay_method IS NULL)
    AND (paid_on IS NULL) = (paid_by IS NULL))
);
CREATE INDEX care_aid_unit_idx ON care_aid (unit_id, year);
CREATE INDEX care_aid_employee_idx ON care_aid (employee_id);
CREATE INDEX care_aid_waiting_idx ON care_aid (current_unit_id) WHERE status IN ('SUBMITTED', 'IN_REVIEW');

-- One decision per step along the chain. No account decides twice on one application.
CREATE TABLE care_aid_review
(
  id            BIGSERIAL PRIMARY KEY,
  aid_id        BIGINT  NOT NULL REFERENCES care_aid (id),
  -- The step decided: the unit whose review it was, null for the committee's own step.
  unit_id       BIGINT,
  by_committee  BOOLEAN NOT NULL,
  decision      TEXT    NOT NULL CHECK (decision IN ('APPROVE', 'DECLINE')),
  amount        NUMERIC(10, 2) CHECK (amount > 0),
  comment_enc   TEXT,
  reviewed_by   BIGINT  NOT NULL,
  reviewer_name TEXT    NOT NULL,
  reviewed_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  UNIQUE (aid_id, reviewed_by),
  CHECK ((decision = 'APPROVE') = (amount IS NOT NULL)),
  CHECK (decision = 'APPROVE' OR comment_enc IS NOT NULL)
);

-- Evidence: at most five files per application, held in the file store under random keys.
CREATE TABLE care_aid_file
(
  id         BIGSERIAL PRIMARY KEY,
  aid_id     BIGINT   NOT NULL REFERENCES care_aid (id),
  position   SMALLINT NOT NULL CHECK (position BETWEEN 1 AND 5),
  file_key   TEXT     NOT NULL UNIQUE,
  media_type TEXT     NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  name_enc   TEXT     NOT NULL,
  size_bytes INT      NOT NULL CHECK (size_bytes > 0),
  UNIQUE (aid_id, position)
);
