-- voice (职工之声): suggestions (合理化建议) with a named holder and a deadline at every step, a points ledger,
-- and the secret democratic evaluation of officers.
CREATE TABLE voice_suggestion
(
  id              BIGSERIAL PRIMARY KEY,
  title           TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 80),
  problem         TEXT        NOT NULL CHECK (length(trim(problem)) BETWEEN 1 AND 3000),
  proposal        TEXT        NOT NULL CHECK (length(trim(proposal)) BETWEEN 1 AND 3000),
  expected        TEXT        NOT NULL DEFAULT '' CHECK (length(expected) <= 1000),
  -- Always known to the system (to tell the person where it stands and credit their points); shown to nobody
  -- when anonymous.
  submitter_id    BIGINT      NOT NULL,
  anonymous       BOOLEAN     NOT NULL DEFAULT false,
  -- The union unit whose officers review it (the submitter's at the time), and the unit or department
  -- assigned to carry it out.
  unit_id         BIGINT      NOT NULL,
  owner_unit_id   BIGINT,
  status          TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'RETURNED', 'ACCEPTED', 'ASSIGNED', 'ADOPTED',
                                                          'DECLINED', 'IMPLEMENTED', 'VERIFIED', 'RECOGNISED')),
  -- Who holds it now and since when, and by when they must move it on (null once it needs nobody).
  holder_unit_id  BIGINT      NOT NULL,
  holder_since    TIMESTAMPTZ NOT NULL DEFAULT now(),
  due_on          DATE,
  -- How many times an overdue step was chased up the chain (督办), and when last.
  chased          INT         NOT NULL DEFAULT 0,
  chased_at       TIMESTAMPTZ,
  reason          TEXT CHECK (length(reason) <= 1000),
  -- The measured benefit (yuan a year, or as stated), entered by the owner and confirmed by the committee.
  value_yuan      NUMERIC(14, 2) CHECK (value_yuan >= 0),
  value_note      TEXT CHECK (length(value_note) <= 1000),
  value_confirmed_by BIGINT,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((status IN ('RETURNED', 'DECLINED')) = (reason IS NOT NULL) OR status NOT IN ('RETURNED', 'DECLINED')),
  CHECK (status NOT IN ('ASSIGNED', 'ADOPTED', 'DECLINED', 'IMPLEMENTED', 'VERIFIED', 'RECOGNISED')
         OR owner_unit_id IS NOT NULL OR status = 'DECLINED'),
  CHECK (status NOT IN ('VERIFIED', 'RECOGNISED') OR (value_yuan IS NOT NULL AND value_confirmed_by IS NOT NULL))
);
CREATE INDEX voice_suggestion_submitter_idx ON voice_suggestion (submitter_id);
CREATE INDEX voice_suggestion_holder_idx ON voice_suggestion (holder_unit_id, status);
CREATE INDEX voice_suggestion_due_idx ON voice_suggestion (due_on) WHERE due_on IS NOT NULL;

-- Every step, with who took it and who holds the suggestion after it: the submitter's timeline.
CREATE TABLE voice_suggestion_step
(
  id             BIGSERIAL PRIMARY KEY,
  suggestion_id  BIGINT      NOT NULL REFERENCES voice_suggestion (id),
  status         TEXT        NOT NULL,
  actor_id       BIGINT      NOT NULL,
  holder_unit_id BIGINT      NOT NULL,
  note           TEXT        NOT NULL DEFAULT '',
  due_on         DATE,
  at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX voice_suggestion_step_idx ON voice_suggestion_step (suggestion_id, id);

-- The points ledger: append-only (a correction is a new entry), one entry per person, source and reference, so an
-- event delivered twice credits once.
CREATE TABLE voice_points
(
  id          BIGSERIAL PRIMARY KEY,
  employee_id BIGINT      NOT NULL,
  points      INT         NOT NULL CHECK (points <> 0),
  source      TEXT        NOT NULL CHECK (source IN ('SUGGESTION_ADOPTED', 'SUGGESTION_VERIFIED', 'VOLUNTEER_HOURS',
                                                     'HONOUR', 'ASSESSMENT_PASSED', 'CORRECTION')),
  reference   TEXT        NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
  reason      TEXT        NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200),
  unit_id     BIGINT,
  created_by  BIGINT,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (employee_id, source, reference)
);
CREATE INDEX voice_points_unit_idx ON voice_points (unit_id);

CREATE FUNCTION voice_points_append_only() RETURNS trigger AS
$$
BEGIN
  RAISE EXCEPTION 'the points ledger is append-only: add a correction instead';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER voice_points_no_change BEFORE UPDATE OR DELETE ON voice_points
  FOR EACH ROW EXECUTE FUNCTION voice_points_append_only();

-- Democratic evaluation (民主评议): a round evaluates officers; the members of each officer's unit subtree vote.
CREATE TABLE voice_evaluation
(
  id          BIGSERIAL PRIMARY KEY,
  title       TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  unit_id     BIGINT      NOT NULL,
  criteria    TEXT[]      NOT NULL CHECK (cardinality(criteria) BETWEEN 1 AND 10),
  opens_on    DATE        NOT NULL,
  closes_on   DATE        NOT NULL,
  created_by  BIGINT      NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on)
);

CREATE TABLE voice_evaluee
(
  evaluation_id BIGINT NOT NULL REFERENCES voice_evaluation (id),
  employee_id   BIGINT NOT NULL,
  -- The unit whose members may evaluate this officer.
  unit_id       BIGINT NOT NULL,
  PRIMARY KEY (evaluation_id, employee_id)
);

-- Who has voted on whom: no score, no ballot id, no time (the day is enough to know a round was open, and only
-- the round's dates are kept). One per member per officer per round.
CREATE TABLE voice_voted
(
  evaluation_id BIGINT NOT NULL REFERENCES voice_evaluation (id),
  evaluee_id    BIGINT NOT NULL,
  voter_id      BIGINT NOT NULL,
  PRIMARY KEY (evaluation_id, evaluee_id, voter_id)
);

-- What was voted: no voter, no time, a random id. A ballot is first written to the pool in the voter's transaction
-- (with the voted row, so a vote is never half-saved), and moved to voice_ballot, shuffled, in one transaction with
-- at least four others of the same officer (or all that are left when the round closes): the moved rows then share
-- one transaction id among five or more voters, and nothing in them — no column, no order, no time — leads back
-- to anyone. Only voice_ballot is ever counted.
CREATE TABLE voice_ballot_pool
(
  id            UUID       PRIMARY KEY DEFAULT gen_random_uuid(),
  evaluation_id BIGINT     NOT NULL REFERENCES voice_evaluation (id),
  evaluee_id    BIGINT     NOT NULL,
  scores        SMALLINT[] NOT NULL CHECK (1 <= ALL (scores) AND 5 >= ALL (scores)),
  comment       TEXT       NOT NULL DEFAULT '' CHECK (length(comment) <= 500)
);
CREATE INDEX voice_ballot_pool_evaluee_idx ON voice_ballot_pool (evaluation_id, evaluee_id);

CREATE TABLE voice_ballot
(
  id            UUID       PRIMARY KEY DEFAULT gen_random_uuid(),
  evaluation_id BIGINT     NOT NULL REFERENCES voice_evaluation (id),
  evaluee_id    BIGINT     NOT NULL,
  scores        SMALLINT[] NOT NULL CHECK (1 <= ALL (scores) AND 5 >= ALL (scores)),
  comment       TEXT       NOT NULL DEFAULT '' CHECK (length(comment) <= 500)
);
CREATE INDEX voice_ballot_evaluee_idx ON voice_ballot (evaluation_id, evaluee_id);
