-- care: restructuring moves from HR, and the care cases that downward and outward moves open.
CREATE TABLE care_grade
(
  code  TEXT PRIMARY KEY,
  name  TEXT NOT NULL,
  level INT  NOT NULL
);
-- A default ladder; the committee adjusts it to the enterprise's own.
INSERT INTO care_grade (code, name, level) VALUES
  ('G1', '一级员工', 1), ('G2', '二级员工', 2), ('G3', '三级员工', 3), ('G4', '班组长', 4),
  ('G5', '主管', 5), ('G6', '站长/经理', 6), ('G7', '中层副职', 7), ('G8', '中层正职', 8);

CREATE TABLE restructuring
(
  id         BIGSERIAL PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind       TEXT NOT NULL CHECK (kind IN ('REORGANISATION', 'MERGER', 'CLOSURE')),
  started_on DATE NOT NULL
);

CREATE TABLE care_move
(
  id               BIGSERIAL PRIMARY KEY,
  employee_id      BIGINT NOT NULL,
  unit_id          BIGINT NOT NULL,
  moved_on         DATE   NOT NULL,
  from_department  TEXT   NOT NULL,
  from_post        TEXT   NOT NULL,
  from_grade       TEXT   NOT NULL REFERENCES care_grade (code),
  to_department    TEXT,
  to_post          TEXT,
  to_grade         TEXT REFERENCES care_grade (code),
  exit_type        TEXT CHECK (exit_type IN ('DISMISSAL', 'TERMINATION', 'EARLY_RETIREMENT', 'SECONDMENT', 'POSTING')),
  reason           TEXT   NOT NULL CHECK (length(trim(reason)) > 0),
  project_id       BIGINT REFERENCES restructuring (id),
  direction        TEXT   NOT NULL CHECK (direction IN ('UP', 'LATERAL', 'DOWN', 'OUT')),
  reclassify_note  TEXT,
  recorded_by      BIGINT NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK ((exit_type IS NULL) = (to_grade IS NOT NULL))
);
CREATE INDEX care_move_employee_idx ON care_move (employee_id);
CREATE INDEX care_move_project_idx ON care_move (project_id);

-- Talks, counselling, referrals and outcomes are personal: stored encrypted (see FieldCipher).
CREATE TABLE care_case
(
  id                BIGSERIAL PRIMARY KEY,
  move_id           BIGINT NOT NULL UNIQUE REFERENCES care_move (id),
  employee_id       BIGINT NOT NULL,
  unit_id           BIGINT NOT NULL,
  status            TEXT   NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  opened_on         DATE   NOT NULL,
  first_contact_due DATE   NOT NULL,
  first_contact_on  DATE,
  outcome_enc       TEXT,
  closed_on         DATE,
  CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL))
);
CREATE INDEX care_case_unit_idx ON care_case (unit_id, status);

CREATE TABLE care_note
(
  id          BIGSERIAL PRIMARY KEY,
  case_id     BIGINT NOT NULL REFERENCES care_case (id),
  kind        TEXT   NOT NULL CHECK (kind IN ('TALK', 'COUNSELLING', 'REFERRAL', 'HR')),
  happened_on DATE   NOT NULL,
  content_enc TEXT   NOT NULL,
  recorded_by BIGINT NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX care_note_case_idx ON care_note (case_id);
ALTER TABLE care_case ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE;

-- Warm care (温暖关爱): greetings and visits, so that no birthday, anniversary or retirement is missed.
CREATE TABLE care_visit
(
  id          BIGSERIAL PRIMARY KEY,
  employee_id BIGINT NOT NULL,
  unit_id     BIGINT NOT NULL,
  kind        TEXT   NOT NULL CHECK (kind IN ('BIRTHDAY', 'ANNIVERSARY', 'RETIREMENT', 'ILLNESS', 'BEREAVEMENT',
                                               'CHILDBIRTH', 'WEDDING')),
  visited_on  DATE   NOT NULL,
  visitors    TEXT,
  gift        TEXT,
  recorded_by BIGINT NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX care_visit_employee_idx ON care_visit (employee_id, kind, visited_on);
