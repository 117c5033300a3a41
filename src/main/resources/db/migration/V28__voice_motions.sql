-- Workers' congress motions (职代会提案): a session of the congress of a union unit with its motion-filing window and
-- its representatives (职工代表); motions filed by representatives, co-signed (附议) by others, reviewed by the motions
-- committee (accepted as formal motions 立案, converted to suggestions, or declined), assigned to a handling unit,
-- answered, and rated by the proposer — a first "not satisfied" sends it back once for a second answer.
CREATE TABLE voice_congress
(
  id                BIGSERIAL PRIMARY KEY,
  title             TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  -- The union unit whose congress it is: its officers (and the committee) are the motions committee, and its
  -- representatives come from its subtree.
  unit_id           BIGINT      NOT NULL,
  opens_on          DATE        NOT NULL,
  closes_on         DATE        NOT NULL,
  -- Co-signers a motion needs before it may be accepted.
  cosigners_needed  INT         NOT NULL DEFAULT 2 CHECK (cosigners_needed BETWEEN 0 AND 20),
  created_by        BIGINT      NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on)
);
CREATE INDEX voice_congress_unit_idx ON voice_congress (unit_id);

CREATE TABLE voice_congress_rep
(
  congress_id BIGINT      NOT NULL REFERENCES voice_congress (id),
  employee_id BIGINT      NOT NULL,
  added_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (congress_id, employee_id)
);
CREATE INDEX voice_congress_rep_employee_idx ON voice_congress_rep (employee_id);

CREATE TABLE voice_motion
(
  id                BIGSERIAL PRIMARY KEY,
  congress_id       BIGINT      NOT NULL REFERENCES voice_congress (id),
  -- The formal motion's number within the session (立案号), given when it is accepted.
  case_no           INT,
  title             TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 80),
  reason            TEXT        NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 3000),
  proposal          TEXT        NOT NULL CHECK (length(trim(proposal)) BETWEEN 1 AND 3000),
  category          TEXT        NOT NULL CHECK (category IN ('PRODUCTION', 'SAFETY', 'WELFARE', 'DEMOCRACY', 'OTHER')),
  proposer_id       BIGINT      NOT NULL,
  status            TEXT        NOT NULL CHECK (status IN ('FILED', 'ACCEPTED', 'ASSIGNED', 'ANSWERED', 'REOPENED',
                                                           'CLOSED', 'CONVERTED', 'DECLINED')),
  status_since      TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- The unit that answers it, and by when (while it waits for an answer).
  handling_unit_id  BIGINT,
  due_on            DATE,
  -- The suggestion it became (转为合理化建议).
  suggestion_id     BIGINT REFERENCES voice_suggestion (id),
  decline_reason    TEXT CHECK (length(decline_reason) <= 1000),
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (id, proposer_id),
  UNIQUE (congress_id, case_no),
  CHECK ((case_no IS NOT NULL) = (status IN ('ACCEPTED', 'ASSIGNED', 'ANSWERED', 'REOPENED', 'CLOSED'))),
  CHECK (status NOT IN ('ASSIGNED', 'ANSWERED', 'REOPENED', 'CLOSED') OR handling_unit_id IS NOT NULL),
  CHECK ((status = 'CONVERTED') = (suggestion_id IS NOT NULL)),
  CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL))
);
CREATE INDEX voice_motion_congress_idx ON voice_motion (congress_id, status);
CREATE INDEX voice_motion_proposer_idx ON voice_motion (proposer_id);
CREATE INDEX voice_motion_handling_idx ON voice_motion (handling_unit_id, status);
CREATE UNIQUE INDEX voice_motion_suggestion_idx ON voice_motion (suggestion_id) WHERE suggestion_id IS NOT NULL;

-- Co-signatures (附议): once per person per motion, never the proposer's own (the proposer is carried here to let the
-- database refuse it).
CREATE TABLE voice_motion_cosign
(
  motion_id   BIGINT      NOT NULL,
  proposer_id BIGINT      NOT NULL,
  employee_id BIGINT      NOT NULL,
  at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (motion_id, employee_id),
  FOREIGN KEY (motion_id, proposer_id) REFERENCES voice_motion (id, proposer_id),
  CHECK (employee_id <> proposer_id)
);

-- The handling unit's answers (答复) and the proposer's rating of each: a first answer, and a second only after a
-- first "not satisfied" — never a third.
CREATE TABLE voice_motion_answer
(
  motion_id    BIGINT      NOT NULL REFERENCES voice_motion (id),
  round        SMALLINT    NOT NULL CHECK (round IN (1, 2)),
  text         TEXT        NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 3000),
  unit_id      BIGINT      NOT NULL,
  answered_by  BIGINT      NOT NULL,
  answered_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  rating       TEXT CHECK (rating IN ('SATISFIED', 'BASIC', 'NOT_SATISFIED')),
  rating_note  TEXT CHECK (length(rating_note) <= 1000),
  rated_at     TIMESTAMPTZ,
  PRIMARY KEY (motion_id, round),
  CHECK ((rating IS NULL) = (rated_at IS NULL)),
  CHECK (round = 2 OR rating IS DISTINCT FROM 'NOT_SATISFIED' OR length(trim(rating_note)) > 0)
);

-- Every step, for the motion's timeline.
CREATE TABLE voice_motion_step
(
  id        BIGSERIAL PRIMARY KEY,
  motion_id BIGINT      NOT NULL REFERENCES voice_motion (id),
  kind      TEXT        NOT NULL,
  actor_id  BIGINT      NOT NULL,
  unit_id   BIGINT,
  note      TEXT        NOT NULL DEFAULT '',
  -- The proposer's rating, on the steps it closed or reopened.
  rating    TEXT,
  due_on    DATE,
  at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX voice_motion_step_idx ON voice_motion_step (motion_id, id);
