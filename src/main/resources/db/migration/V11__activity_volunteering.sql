-- Public welfare (公益一起做): volunteer projects with shifts, a place per person per shift, and service hours
-- recorded by the organiser after each shift and confirmed by a second officer before they count.
CREATE TABLE volunteer_project
(
  id               BIGSERIAL PRIMARY KEY,
  title            TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  description      TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  place            TEXT CHECK (length(place) <= 200),
  -- Who may sign up: the members, or every employee, of a unit's subtree (as for activities).
  audience         TEXT        NOT NULL CHECK (audience IN ('MEMBERS', 'EMPLOYEES')),
  audience_unit_id BIGINT      NOT NULL,
  lead_unit_id     BIGINT      NOT NULL,
  status           TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
  created_by       BIGINT      NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_project_audience_idx ON volunteer_project (audience_unit_id) WHERE status = 'PUBLISHED';

-- The organiser and its co-organisers (union units above it, youth league, women's committee …): each is
-- credited with the hours served in the project.
CREATE TABLE volunteer_project_host
(
  project_id BIGINT  NOT NULL REFERENCES volunteer_project (id),
  unit_id    BIGINT  NOT NULL,
  lead       BOOLEAN NOT NULL,
  PRIMARY KEY (project_id, unit_id)
);
CREATE UNIQUE INDEX volunteer_project_host_lead_idx ON volunteer_project_host (project_id) WHERE lead;
CREATE INDEX volunteer_project_host_unit_idx ON volunteer_project_host (unit_id);

-- A shift keeps the count of places taken next to the places needed: a sign-up raises it with
-- "WHERE taken < needed" in its own transaction, so the row lock serialises a rush on one shift and the
-- check below is the last guard. Hours are recorded once the shift has ended (RECORDED) and count when
-- another officer has confirmed them (CONFIRMED).
CREATE TABLE volunteer_shift
(
  id            BIGSERIAL PRIMARY KEY,
  project_id    BIGINT      NOT NULL REFERENCES volunteer_project (id),
  starts_at     TIMESTAMPTZ NOT NULL,
  ends_at       TIMESTAMPTZ NOT NULL,
  place         TEXT CHECK (length(place) <= 200),
  needed        INT         NOT NULL CHECK (needed BETWEEN 1 AND 1000),
  taken         INT         NOT NULL DEFAULT 0,
  status        TEXT        NOT NULL CHECK (status IN ('OPEN', 'CANCELLED', 'RECORDED', 'CONFIRMED')),
  cancel_reason TEXT CHECK (length(cancel_reason) <= 500),
  recorded_by   BIGINT,
  recorded_at   TIMESTAMPTZ,
  confirmed_by  BIGINT,
  confirmed_at  TIMESTAMPTZ,
  CHECK (ends_at > starts_at AND ends_at <= starts_at + INTERVAL '24 hours'),
  CHECK (taken BETWEEN 0 AND needed),
  CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL)),
  CHECK ((status IN ('RECORDED', 'CONFIRMED')) = (recorded_by IS NOT NULL AND recorded_at IS NOT NULL)),
  CHECK ((status = 'CONFIRMED') = (confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL)),
  -- Four eyes: whoever recorded the hours does not confirm them.
  CHECK (confirmed_by <> recorded_by)
);
CREATE INDEX volunteer_shift_project_idx ON volunteer_shift (project_id, starts_at);
CREATE INDEX volunteer_shift_confirmed_idx ON volunteer_shift (starts_at) WHERE status = 'CONFIRMED';

-- A volunteer's place on a shift and, once recorded, whether they came and for how long (minutes; a
-- no-show is recorded as absent with 0).
CREATE TABLE volunteer_signup
(
  id           BIGSERIAL PRIMARY KEY,
  shift_id     BIGINT      NOT NULL REFERENCES volunteer_shift (id),
  employee_id  BIGINT      NOT NULL,
  status       TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED')),
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  cancelled_at TIMESTAMPTZ,
  present      BOOLEAN,
  minutes      INT CHECK (minutes BETWEEN 0 AND 1440),
  CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
  CHECK ((present IS NULL) = (minutes IS NULL)),
  CHECK (present OR minutes = 0),
  CHECK (status = 'ACTIVE' OR present IS NULL)
);
-- One place per person per shift, whatever the concurrency.
CREATE UNIQUE INDEX volunteer_signup_once_idx ON volunteer_signup (shift_id, employee_id) WHERE status = 'ACTIVE';
CREATE INDEX volunteer_signup_employee_idx ON volunteer_signup (employee_id) WHERE status = 'ACTIVE';
