-- training (培训与考核): courses of lessons with progress, a question bank, timed exams graded on the server,
-- assessments whose failures go through retraining until they pass, certificates with a public check.

-- A course run by a unit for an audience: every employee of a subtree, the officers of a subtree, or a list.
CREATE TABLE training_course
(
  id               BIGSERIAL PRIMARY KEY,
  title            TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  summary          TEXT        NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
  audience         TEXT        NOT NULL CHECK (audience IN ('EMPLOYEES', 'OFFICERS', 'LIST')),
  audience_unit_id BIGINT,
  owner_unit_id    BIGINT      NOT NULL,
  status           TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
  -- Completing the course issues a certificate valid this many months (null: no certificate).
  certificate_months INT CHECK (certificate_months BETWEEN 1 AND 120),
  cover_key        TEXT,
  created_by       BIGINT      NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((audience = 'LIST') = (audience_unit_id IS NULL))
);
CREATE INDEX training_course_owner_idx ON training_course (owner_unit_id);

CREATE TABLE training_course_invitee
(
  course_id   BIGINT NOT NULL REFERENCES training_course (id),
  employee_id BIGINT NOT NULL,
  PRIMARY KEY (course_id, employee_id)
);

-- Lessons in order: text (with pictures), a PDF, or a video (MP4/H.264 so phones play it).
CREATE TABLE training_lesson
(
  id          BIGSERIAL PRIMARY KEY,
  course_id   BIGINT NOT NULL REFERENCES training_course (id),
  position    INT    NOT NULL CHECK (position >= 1),
  title       TEXT   NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  kind        TEXT   NOT NULL CHECK (kind IN ('TEXT', 'PDF', 'VIDEO')),
  body        TEXT   NOT NULL DEFAULT '' CHECK (length(body) <= 100000),
  file_key    TEXT,
  poster_key  TEXT,
  duration_s  INT CHECK (duration_s >= 0),
  CHECK ((kind = 'TEXT') = (file_key IS NULL)),
  CONSTRAINT training_lesson_position_uq UNIQUE (course_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- A person's enrolment in a course: by themselves, by an officer (with a due date) or by a failed assessment.
-- One open enrolment per person and course; a retraining round opens a new one after the last was completed.
CREATE TABLE training_enrolment
(
  id             BIGSERIAL PRIMARY KEY,
  course_id      BIGINT      NOT NULL REFERENCES training_course (id),
  employee_id    BIGINT      NOT NULL,
  source         TEXT        NOT NULL CHECK (source IN ('SELF', 'ASSIGNED', 'RETRAINING')),
  assigned_by    BIGINT,
  due_on         DATE,
  enrolled_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_at   TIMESTAMPTZ,
  last_lesson_id BIGINT REFERENCES training_lesson (id),
  reminded_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX training_enrolment_open_idx ON training_enrolment (course_id, employee_id)
  WHERE completed_at IS NULL;
CREATE INDEX training_enrolment_employee_idx ON training_enrolment (employee_id);
CREATE INDEX training_enrolment_due_idx ON training_enrolment (due_on) WHERE completed_at IS NULL;

-- Progress per lesson: where a video was left (seconds), and when the lesson was read or watched to the end.
CREATE TABLE training_progress
(
  enrolment_id BIGINT      NOT NULL REFERENCES training_enrolment (id),
  lesson_id    BIGINT      NOT NULL REFERENCES training_lesson (id),
  position_s   INT         NOT NULL DEFAULT 0 CHECK (position_s >= 0),
  -- Seconds actually watched (each second counted once), so skipping to the end does not complete a video.
  watched_s    INT         NOT NULL DEFAULT 0 CHECK (watched_s >= 0),
  completed_at TIMESTAMPTZ,
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (enrolment_id, lesson_id)
);

-- The question bank, shared by the whole enterprise. Choices are numbered from 0 in the order written.
CREATE TABLE training_question
(
  id          BIGSERIAL PRIMARY KEY,
  type        TEXT        NOT NULL CHECK (type IN ('SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'FILL')),
  stem        TEXT        NOT NULL CHECK (length(trim(stem)) BETWEEN 1 AND 2000),
  options     TEXT[]      NOT NULL DEFAULT '{}',
  correct     INT[]       NOT NULL DEFAULT '{}',
  -- Fill-in: every accepted answer (compared after NFKC, trimming, collapsing spaces, ignoring case).
  accepted    TEXT[]      NOT NULL DEFAULT '{}',
  skill       TEXT        NOT NULL CHECK (length(trim(skill)) BETWEEN 1 AND 40),
  difficulty  INT         NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
  explanation TEXT        NOT NULL DEFAULT '' CHECK (length(explanation) <= 2000),
  active      BOOLEAN     NOT NULL DEFAULT true,
  created_by  BIGINT      NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (type <> 'SINGLE' OR (cardinality(options) BETWEEN 2 AND 8 AND cardinality(correct) = 1)),
  CHECK (type <> 'MULTIPLE' OR (cardinality(options) BETWEEN 2 AND 8 AND cardinality(correct) >= 1)),
  CHECK (type <> 'TRUE_FALSE' OR (cardinality(options) = 0 AND cardinality(correct) = 1 AND correct[1] IN (0, 1))),
  CHECK (type <> 'FILL' OR (cardinality(accepted) >= 1 AND cardinality(options) = 0))
);
CREATE INDEX training_question_skill_idx ON training_question (skill, type, difficulty) WHERE active;

-- An exam: questions drawn by rules or fixed, a time limit kept on the server, a pass mark, attempts allowed and
-- the least time between attempts, shuffling, when answers may be reviewed, how multiple choice is scored.
CREATE TABLE training_exam
(
  id                BIGSERIAL PRIMARY KEY,
  title             TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  owner_unit_id     BIGINT      NOT NULL,
  time_limit_min    INT         NOT NULL CHECK (time_limit_min BETWEEN 1 AND 600),
  pass_percent      INT         NOT NULL CHECK (pass_percent BETWEEN 1 AND 100),
  attempts_allowed  INT CHECK (attempts_allowed BETWEEN 1 AND 100),
  min_gap_minutes   INT         NOT NULL DEFAULT 0 CHECK (min_gap_minutes BETWEEN 0 AND 525600),
  shuffle_questions BOOLEAN     NOT NULL DEFAULT true,
  shuffle_options   BOOLEAN     NOT NULL DEFAULT true,
  -- NONE: only the score; AFTER_SUBMIT: answers and explanations once the attempt is graded.
  review            TEXT        NOT NULL CHECK (review IN ('NONE', 'AFTER_SUBMIT')),
  -- ALL_OR_NOTHING: a multiple-choice question scores only when every correct choice and no other is chosen;
  -- HALF_FOR_SUBSET: any wrong choice scores 0, some but not all correct choices score half the points.
  multiple_scoring  TEXT        NOT NULL CHECK (multiple_scoring IN ('ALL_OR_NOTHING', 'HALF_FOR_SUBSET')),
  opens_at          TIMESTAMPTZ,
  closes_at         TIMESTAMPTZ,
  status            TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
  created_by        BIGINT      NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);

-- What an attempt is made of: either rules (count questions of a type, optionally of a skill and difficulty, each
-- worth the points given) or fixed questions.
CREATE TABLE training_exam_part
(
  exam_id     BIGINT        NOT NULL REFERENCES training_exam (id),
  position    INT           NOT NULL CHECK (position >= 1),
  type        TEXT          NOT NULL CHECK (type IN ('SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'FILL')),
  skill       TEXT,
  difficulty  INT CHECK (difficulty BETWEEN 1 AND 5),
  question_id BIGINT REFERENCES training_question (id),
  count       INT           NOT NULL CHECK (count BETWEEN 1 AND 200),
  points      NUMERIC(6, 2) NOT NULL CHECK (points > 0),
  PRIMARY KEY (exam_id, position),
  CHECK (question_id IS NULL OR (count = 1 AND skill IS NULL AND difficulty IS NULL))
);

-- An assessment (考核): an exam assigned to a group for a period with a standard; failures are enrolled in the
-- retraining course and may try again only after completing it, until they pass.
CREATE TABLE training_assessment
(
  id                   BIGSERIAL PRIMARY KEY,
  title                TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  exam_id              BIGINT      NOT NULL REFERENCES training_exam (id),
  retraining_course_id BIGINT      NOT NULL REFERENCES training_course (id),
  owner_unit_id        BIGINT      NOT NULL,
  pass_percent         INT         NOT NULL CHECK (pass_percent BETWEEN 1 AND 100),
  starts_on            DATE        NOT NULL,
  ends_on              DATE        NOT NULL,
  certificate_months   INT CHECK (certificate_months BETWEEN 1 AND 120),
  created_by           BIGINT      NOT NULL,
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);

-- Each person assessed and where they stand in the loop:
-- ASSIGNED (not passed yet, may attempt) → PASSED, or → RETRAINING (enrolled in the course; rounds + 1) →
-- MAY_RETRY once the course is completed → PASSED or RETRAINING again.
CREATE TABLE training_assessee
(
  assessment_id   BIGINT      NOT NULL REFERENCES training_assessment (id),
  employee_id     BIGINT      NOT NULL,
  status          TEXT        NOT NULL CHECK (status IN ('ASSIGNED', 'RETRAINING', 'MAY_RETRY', 'PASSED')),
  rounds          INT         NOT NULL DEFAULT 0 CHECK (rounds >= 0),
  enrolment_id    BIGINT REFERENCES training_enrolment (id),
  best_percent    NUMERIC(5, 2),
  passed_at       TIMESTAMPTZ,
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, employee_id),
  CHECK ((status = 'PASSED') = (passed_at IS NOT NULL)),
  CHECK (status <> 'RETRAINING' OR enrolment_id IS NOT NULL)
);
CREATE INDEX training_assessee_employee_idx ON training_assessee (employee_id);

-- An attempt at an exam. The deadline is fixed when it starts (the time limit, cut at the exam's close); answers
-- are saved as they are given; grading happens once, on submit or by the deadline job, whichever comes first.
CREATE TABLE training_attempt
(
  id            BIGSERIAL PRIMARY KEY,
  exam_id       BIGINT        NOT NULL REFERENCES training_exam (id),
  employee_id   BIGINT        NOT NULL,
  assessment_id BIGINT REFERENCES training_assessment (id),
  number        INT           NOT NULL CHECK (number >= 1),
  status        TEXT          NOT NULL CHECK (status IN ('IN_PROGRESS', 'GRADED')),
  started_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
  deadline_at   TIMESTAMPTZ   NOT NULL,
  submitted_at  TIMESTAMPTZ,
  -- SUBMITTED by the person, or DEADLINE when the time ran out first.
  ended_by      TEXT CHECK (ended_by IN ('SUBMITTED', 'DEADLINE')),
  score         NUMERIC(8, 2),
  max_score     NUMERIC(8, 2) NOT NULL CHECK (max_score > 0),
  percent       NUMERIC(5, 2),
  passed        BOOLEAN,
  UNIQUE (exam_id, employee_id, number),
  CHECK (deadline_at > started_at),
  CHECK ((status = 'GRADED') = (score IS NOT NULL AND percent IS NOT NULL AND passed IS NOT NULL
                                AND submitted_at IS NOT NULL AND ended_by IS NOT NULL))
);
-- One attempt in progress per person and exam, whatever the concurrency.
CREATE UNIQUE INDEX training_attempt_open_idx ON training_attempt (exam_id, employee_id) WHERE status = 'IN_PROGRESS';
CREATE INDEX training_attempt_deadline_idx ON training_attempt (deadline_at) WHERE status = 'IN_PROGRESS';
CREATE INDEX training_attempt_employee_idx ON training_attempt (employee_id);

-- The questions of an attempt as they were when it started (a later edit of the bank does not change a grade),
-- in the order shown, with the order of their choices, the answer given and, once graded, the points scored.
CREATE TABLE training_attempt_item
(
  attempt_id   BIGINT        NOT NULL REFERENCES training_attempt (id),
  position     INT           NOT NULL CHECK (position >= 1),
  question_id  BIGINT        NOT NULL REFERENCES training_question (id),
  type         TEXT          NOT NULL,
  stem         TEXT          NOT NULL,
  options      TEXT[]        NOT NULL,
  correct      INT[]         NOT NULL,
  accepted     TEXT[]        NOT NULL,
  explanation  TEXT          NOT NULL,
  skill        TEXT          NOT NULL,
  -- option_order[k] is the bank's number of the choice shown k-th.
  option_order INT[]         NOT NULL,
  points       NUMERIC(6, 2) NOT NULL,
  -- Choices given (bank numbering) or the text typed; null until answered.
  chosen       INT[],
  typed        TEXT CHECK (length(typed) <= 500),
  answered_at  TIMESTAMPTZ,
  scored       NUMERIC(6, 2),
  PRIMARY KEY (attempt_id, position)
);

-- Certificates: a page anyone can check through the QR code's random code; revocable.
CREATE TABLE training_certificate
(
  id            BIGSERIAL PRIMARY KEY,
  code          TEXT        NOT NULL UNIQUE,
  employee_id   BIGINT      NOT NULL,
  holder_name   TEXT        NOT NULL,
  course_id     BIGINT REFERENCES training_course (id),
  assessment_id BIGINT REFERENCES training_assessment (id),
  title         TEXT        NOT NULL,
  issued_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  valid_until   DATE,
  revoked_at    TIMESTAMPTZ,
  revoke_reason TEXT,
  CHECK ((course_id IS NULL) <> (assessment_id IS NULL)),
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE UNIQUE INDEX training_certificate_course_idx ON training_certificate (employee_id, course_id)
  WHERE course_id IS NOT NULL AND revoked_at IS NULL;
CREATE UNIQUE INDEX training_certificate_assessment_idx ON training_certificate (employee_id, assessment_id)
  WHERE assessment_id IS NOT NULL AND revoked_at IS NULL;
