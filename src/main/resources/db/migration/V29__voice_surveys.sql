-- voice: surveys (问卷调查). An officer writes a survey for a unit they manage — for the employees of its subtree
-- or its members only — with questions in order; it is published, then closed (on its closing date or early).
-- Employees answer once each. A named survey keeps the respondent with the answers; an anonymous one keeps who
-- responded and what was answered apart, with nothing linking them, as the secret ballots of V27 do.
CREATE TABLE voice_survey
(
  id           BIGSERIAL PRIMARY KEY,
  unit_id      BIGINT      NOT NULL,
  audience     TEXT        NOT NULL CHECK (audience IN ('EMPLOYEES', 'MEMBERS')),
  title        TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  intro        TEXT        NOT NULL DEFAULT '' CHECK (length(intro) <= 2000),
  opens_on     DATE        NOT NULL,
  closes_on    DATE        NOT NULL,
  anonymous    BOOLEAN     NOT NULL,
  -- PUBLISHED until its closing date has passed; CLOSED only when closed early (closed_at says when).
  status       TEXT        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
  published_at TIMESTAMPTZ,
  closed_at    TIMESTAMPTZ,
  created_by   BIGINT      NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on),
  CHECK ((status = 'DRAFT') = (published_at IS NULL)),
  CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX voice_survey_unit_idx ON voice_survey (unit_id);
CREATE INDEX voice_survey_published_idx ON voice_survey (closes_on) WHERE status = 'PUBLISHED';

-- Once published, a survey keeps its unit, its audience and whether it is anonymous; it only moves forward
-- (draft → published → closed), and only a draft may be deleted.
CREATE FUNCTION voice_survey_fixed() RETURNS trigger AS
$$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN
      RAISE EXCEPTION 'survey %: only a draft may be deleted', OLD.id;
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'DRAFT' AND (NEW.anonymous <> OLD.anonymous OR NEW.unit_id <> OLD.unit_id
                                OR NEW.audience <> OLD.audience) THEN
    RAISE EXCEPTION 'survey %: unit, audience and anonymity are fixed once published', OLD.id;
  END IF;
  IF array_position(ARRAY ['DRAFT', 'PUBLISHED', 'CLOSED'], NEW.status)
       < array_position(ARRAY ['DRAFT', 'PUBLISHED', 'CLOSED'], OLD.status) THEN
    RAISE EXCEPTION 'survey %: % cannot go back to %', OLD.id, OLD.status, NEW.status;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER voice_survey_fixed BEFORE UPDATE OR DELETE ON voice_survey
  FOR EACH ROW EXECUTE FUNCTION voice_survey_fixed();

-- The questions, in order: single choice, multiple choice (at most max_choices when set), a scale of 1–5 or 1–10
-- with labels at its ends, or free text. Options are answered by their index (0 first).
CREATE TABLE voice_survey_question
(
  id          BIGSERIAL PRIMARY KEY,
  survey_id   BIGINT   NOT NULL REFERENCES voice_survey (id) ON DELETE CASCADE,
  position    INT      NOT NULL CHECK (position >= 1),
  kind        TEXT     NOT NULL CHECK (kind IN ('SINGLE', 'MULTIPLE', 'SCALE', 'TEXT')),
  prompt      TEXT     NOT NULL CHECK (length(trim(prompt)) BETWEEN 1 AND 300),
  required    BOOLEAN  NOT NULL DEFAULT true,
  options     TEXT[]   NOT NULL DEFAULT '{}',
  max_choices SMALLINT,
  scale_max   SMALLINT CHECK (scale_max IN (5, 10)),
  low_label   TEXT     NOT NULL DEFAULT '' CHECK (length(low_label) <= 20),
  high_label  TEXT     NOT NULL DEFAULT '' CHECK (length(high_label) <= 20),
  -- Checked at the end of each statement, so that one UPDATE can swap two positions.
  UNIQUE (survey_id, position) DEFERRABLE,
  CHECK (CASE WHEN kind IN ('SINGLE', 'MULTIPLE') THEN cardinality(options) BETWEEN 2 AND 20
              ELSE cardinality(options) = 0 END),
  CHECK (max_choices IS NULL OR (kind = 'MULTIPLE' AND max_choices BETWEEN 1 AND cardinality(options))),
  CHECK ((kind = 'SCALE') = (scale_max IS NOT NULL))
);

-- Who has responded to a survey, named or anonymous: no answer, no time. One per person, enforced here.
CREATE TABLE voice_survey_responded
(
  survey_id   BIGINT NOT NULL REFERENCES voice_survey (id),
  employee_id BIGINT NOT NULL,
  PRIMARY KEY (survey_id, employee_id)
);

-- No question changes once anyone has responded (the service refuses first, with a message).
CREATE FUNCTION voice_survey_question_locked() RETURNS trigger AS
$$
DECLARE
  survey BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.survey_id ELSE NEW.survey_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM voice_survey_responded WHERE survey_id = survey) THEN
    RAISE EXCEPTION 'survey % has responses: its questions can no longer change', survey;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER voice_survey_question_locked BEFORE INSERT OR UPDATE OR DELETE ON voice_survey_question
  FOR EACH ROW EXECUTE FUNCTION voice_survey_question_locked();

-- A named survey's answers, with the respondent and the time: {"<question id>": index | [indices] | score | "text"}.
CREATE TABLE voice_survey_response
(
  id           BIGSERIAL PRIMARY KEY,
  survey_id    BIGINT      NOT NULL REFERENCES voice_survey (id),
  employee_id  BIGINT      NOT NULL,
  answers      JSONB       NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
  submitted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (survey_id, employee_id)
);

-- An anonymous survey's answers: no respondent, no time, a random id. Written to the pool in the respondent's
-- transaction (with the responded row, so a response is never half-saved) and moved to voice_survey_ballot,
-- shuffled, in one transaction with at least four others of the same survey (or all that are left once it has
-- closed, shuffled together with those already moved): as for the ballots of V27, nothing in a moved row — no
-- column, no order, no transaction id — leads back to anyone. Only voice_survey_ballot is ever counted.
CREATE TABLE voice_survey_pool
(
  id        UUID   PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id BIGINT NOT NULL REFERENCES voice_survey (id),
  answers   JSONB  NOT NULL CHECK (jsonb_typeof(answers) = 'object')
);
CREATE INDEX voice_survey_pool_survey_idx ON voice_survey_pool (survey_id);

CREATE TABLE voice_survey_ballot
(
  id        UUID   PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id BIGINT NOT NULL REFERENCES voice_survey (id),
  answers   JSONB  NOT NULL CHECK (jsonb_typeof(answers) = 'object')
);
CREATE INDEX voice_survey_ballot_survey_idx ON voice_survey_ballot (survey_id);

-- Named answers only for named surveys, pooled ones only for anonymous surveys.
CREATE FUNCTION voice_survey_answers_match() RETURNS trigger AS
$$
BEGIN
  IF (SELECT anonymous FROM voice_survey WHERE id = NEW.survey_id) <> (TG_TABLE_NAME <> 'voice_survey_response') THEN
    RAISE EXCEPTION 'survey %: answers in % do not match its anonymity', NEW.survey_id, TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER voice_survey_response_named BEFORE INSERT ON voice_survey_response
  FOR EACH ROW EXECUTE FUNCTION voice_survey_answers_match();
CREATE TRIGGER voice_survey_pool_anonymous BEFORE INSERT ON voice_survey_pool
  FOR EACH ROW EXECUTE FUNCTION voice_survey_answers_match();
