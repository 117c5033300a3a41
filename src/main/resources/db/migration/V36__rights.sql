-- rights: employees' appeals (职工诉求) handled to deadlines along a route of units, labour-dispute mediation,
-- legal aid and the chair's mailbox. Free text people write about their work and grievances is encrypted
-- (FieldCipher, columns *_enc).

CREATE TABLE rights_appeal
(
  id                  BIGSERIAL PRIMARY KEY,
  employee_id         BIGINT  NOT NULL,
  home_unit_id        BIGINT  NOT NULL,
  department          TEXT,
  route_unit_id       BIGINT  NOT NULL,
  women_committee_id  BIGINT,
  category            TEXT    NOT NULL CHECK (category IN ('WAGES', 'HOURS', 'SAFETY', 'CONTRACT', 'LIVING',
                                                          'HARASSMENT', 'OTHER')),
  identity            TEXT    NOT NULL CHECK (identity IN ('NAMED', 'CONFIDENTIAL', 'ANONYMOUS')),
  happened_enc        TEXT    NOT NULL,
  wanted_enc          TEXT    NOT NULL,
  status              TEXT    NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'REPLIED', 'CLOSED', 'MEDIATION')),
  accept_due          DATE    NOT NULL,
  resolve_due         DATE,
  accepted_at         TIMESTAMP WITH TIME ZONE,
  replied_at          TIMESTAMP WITH TIME ZONE,
  reply_enc           TEXT,
  rating              TEXT CHECK (rating IN ('SATISFIED', 'PARTLY', 'UNSATISFIED')),
  rated_at            TIMESTAMP WITH TIME ZONE,
  reopened            BOOLEAN NOT NULL DEFAULT FALSE,
  escalations         INT     NOT NULL DEFAULT 0,
  closed_at           TIMESTAMP WITH TIME ZONE,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK (status = 'SUBMITTED' OR accepted_at IS NOT NULL),
  CHECK (status <> 'REPLIED' OR replied_at IS NOT NULL)
);
CREATE INDEX rights_appeal_person_idx ON rights_appeal (employee_id, id DESC);
CREATE INDEX rights_appeal_route_idx ON rights_appeal (route_unit_id, status);
CREATE INDEX rights_appeal_open_idx ON rights_appeal (accept_due, resolve_due) WHERE status IN ('SUBMITTED', 'ACCEPTED');

-- Every unit an appeal has been at (the units whose officers handle or handled it); reading it needs a post in one.
CREATE TABLE rights_appeal_route
(
  appeal_id BIGINT NOT NULL REFERENCES rights_appeal (id),
  unit_id   BIGINT NOT NULL,
  reason    TEXT   NOT NULL CHECK (reason IN ('RAISED', 'COMMITTEE', 'WOMEN_COMMITTEE', 'OVERDUE', 'REOPENED')),
  since     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  PRIMARY KEY (appeal_id, unit_id)
);
CREATE INDEX rights_appeal_route_unit_idx ON rights_appeal_route (unit_id);

CREATE TABLE rights_appeal_step
(
  id         BIGSERIAL PRIMARY KEY,
  appeal_id  BIGINT NOT NULL REFERENCES rights_appeal (id),
  kind       TEXT   NOT NULL CHECK (kind IN ('RAISED', 'ACCEPTED', 'CONTACTED', 'MEETING', 'RESPONSE', 'NOTE',
                                             'REPLIED', 'RATED', 'REOPENED', 'ESCALATED', 'CLOSED', 'MEDIATION')),
  note_enc   TEXT,
  unit_id    BIGINT,
  by_account BIGINT,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX rights_appeal_step_idx ON rights_appeal_step (appeal_id, id);

CREATE TABLE rights_appeal_file
(
  id           BIGSERIAL PRIMARY KEY,
  appeal_id    BIGINT NOT NULL REFERENCES rights_appeal (id),
  file_key     TEXT   NOT NULL,
  name         TEXT   NOT NULL,
  content_type TEXT   NOT NULL,
  size         BIGINT NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- 劳动争议调解: a case before the enterprise's mediation committee, 15 days from acceptance unless extended.
CREATE TABLE rights_mediation
(
  id               BIGSERIAL PRIMARY KEY,
  appeal_id        BIGINT REFERENCES rights_appeal (id),
  unit_id          BIGINT  NOT NULL,
  applicant_id     BIGINT  NOT NULL,
  respondent       TEXT    NOT NULL,
  claim_enc        TEXT    NOT NULL,
  accepted_on      DATE    NOT NULL,
  limit_days       INT     NOT NULL DEFAULT 15 CHECK (limit_days BETWEEN 1 AND 60),
  extended_days    INT     NOT NULL DEFAULT 0 CHECK (extended_days BETWEEN 0 AND 30),
  extension_reason TEXT,
  status           TEXT    NOT NULL CHECK (status IN ('OPEN', 'AGREED', 'REFERRED', 'WITHDRAWN')),
  outcome_enc      TEXT,
  closed_on        DATE,
  created_by       BIGINT  NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK ((status = 'OPEN') = (closed_on IS NULL))
);
CREATE UNIQUE INDEX rights_mediation_appeal_idx ON rights_mediation (appeal_id) WHERE appeal_id IS NOT NULL;

CREATE TABLE rights_mediation_session
(
  id           BIGSERIAL PRIMARY KEY,
  mediation_id BIGINT NOT NULL REFERENCES rights_mediation (id),
  held_on      DATE   NOT NULL,
  attendees    TEXT   NOT NULL,
  minutes_enc  TEXT   NOT NULL,
  created_by   BIGINT NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- 法律援助: a consultation with the union's lawyer or the federation's hotline.
CREATE TABLE rights_legal_aid
(
  id           BIGSERIAL PRIMARY KEY,
  employee_id  BIGINT NOT NULL,
  unit_id      BIGINT NOT NULL,
  topic        TEXT   NOT NULL,
  question_enc TEXT   NOT NULL,
  provider     TEXT   NOT NULL CHECK (provider IN ('UNION_LAWYER', 'HOTLINE')),
  status       TEXT   NOT NULL CHECK (status IN ('REQUESTED', 'BOOKED', 'DONE', 'CANCELLED')),
  booked_at    TIMESTAMP WITH TIME ZONE,
  adviser      TEXT,
  outcome_enc  TEXT,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK (status NOT IN ('BOOKED', 'DONE') OR booked_at IS NOT NULL)
);

-- 主席信箱: a letter to the union chair, answered by the chair's office; published as an anonymised Q&A only with
-- the writer's consent.
CREATE TABLE rights_letter
(
  id             BIGSERIAL PRIMARY KEY,
  employee_id    BIGINT  NOT NULL,
  subject        TEXT    NOT NULL,
  body_enc       TEXT    NOT NULL,
  answer_due     DATE    NOT NULL,
  status         TEXT    NOT NULL CHECK (status IN ('SENT', 'ANSWERED')),
  answer_enc     TEXT,
  answered_at    TIMESTAMP WITH TIME ZONE,
  answered_by    BIGINT,
  publish_ok     BOOLEAN NOT NULL DEFAULT FALSE,
  public_question TEXT,
  public_answer  TEXT,
  published_at   TIMESTAMP WITH TIME ZONE,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK (published_at IS NULL OR (publish_ok AND status = 'ANSWERED' AND public_question IS NOT NULL))
);
CREATE INDEX rights_letter_open_idx ON rights_letter (answer_due) WHERE status = 'SENT';
