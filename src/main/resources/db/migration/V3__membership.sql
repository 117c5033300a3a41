-- membership: applications, members with their numbers, and membership periods (history is never overwritten).
CREATE TABLE membership_settings
(
  unit_id       BIGINT PRIMARY KEY,
  decision_days INT NOT NULL CHECK (decision_days BETWEEN 1 AND 90)
);

CREATE TABLE membership_application
(
  id                   BIGSERIAL PRIMARY KEY,
  employee_id          BIGINT  NOT NULL,
  unit_id              BIGINT  NOT NULL,
  channel              TEXT    NOT NULL CHECK (channel IN ('ONLINE', 'SERVICE_WINDOW')),
  declaration_accepted BOOLEAN NOT NULL CHECK (declaration_accepted),
  photo_key            TEXT,
  status               TEXT    NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
  submitted_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  due_on               DATE    NOT NULL,
  escalated_to         BIGINT,
  escalated_at         TIMESTAMP WITH TIME ZONE,
  decided_at           TIMESTAMP WITH TIME ZONE,
  decided_by           BIGINT,
  reason               TEXT,
  CHECK (status <> 'REJECTED' OR length(trim(reason)) > 0),
  CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
-- One open application per person; the database is the last guard against a double submit.
CREATE UNIQUE INDEX membership_application_one_open ON membership_application (employee_id) WHERE status = 'PENDING';
CREATE INDEX membership_application_unit_idx ON membership_application (unit_id, status);
CREATE INDEX membership_application_due_idx ON membership_application (due_on) WHERE status = 'PENDING';

CREATE TABLE member
(
  id              BIGSERIAL PRIMARY KEY,
  employee_id     BIGINT NOT NULL UNIQUE,
  member_no       TEXT   NOT NULL UNIQUE,
  first_joined_on DATE   NOT NULL,
  photo_key       TEXT
);

CREATE TABLE member_number
(
  unit_id BIGINT PRIMARY KEY,
  last    INT NOT NULL
);

CREATE TABLE membership_period
(
  id           BIGSERIAL PRIMARY KEY,
  member_id    BIGINT NOT NULL REFERENCES member (id),
  unit_id      BIGINT NOT NULL,
  status       TEXT   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
  started_on   DATE   NOT NULL,
  start_reason TEXT   NOT NULL CHECK (start_reason IN ('JOINED', 'REJOINED', 'TRANSFERRED', 'RETIRED')),
  ended_on     DATE,
  end_reason   TEXT CHECK (end_reason IN ('LEFT', 'RETIRED', 'LAPSED', 'DECEASED', 'TRANSFERRED')),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE UNIQUE INDEX membership_period_one_current ON membership_period (member_id) WHERE ended_on IS NULL;
CREATE INDEX membership_period_unit_idx ON membership_period (unit_id) WHERE ended_on IS NULL;

-- Members HR reports as gone are not dropped silently: an officer settles each flag.
CREATE TABLE membership_flag
(
  id         BIGSERIAL PRIMARY KEY,
  member_id  BIGINT NOT NULL REFERENCES member (id),
  unit_id    BIGINT NOT NULL,
  reason     TEXT   NOT NULL CHECK (reason IN ('LEFT_ENTERPRISE')),
  raised_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  settled_at TIMESTAMP WITH TIME ZONE,
  settled_by BIGINT,
  outcome    TEXT CHECK (outcome IN ('ENDED', 'KEPT')),
  CHECK ((settled_at IS NULL) = (outcome IS NULL))
);
CREATE UNIQUE INDEX membership_flag_open ON membership_flag (member_id, reason) WHERE settled_at IS NULL;

-- Coverage counters, kept in step in the same transactions as the changes they count (see docs/decisions.md).
CREATE TABLE unit_membership_stats
(
  unit_id BIGINT PRIMARY KEY,
  members INT NOT NULL DEFAULT 0 CHECK (members >= 0),
  retired INT NOT NULL DEFAULT 0 CHECK (retired >= 0),
  pending INT NOT NULL DEFAULT 0 CHECK (pending >= 0)
);

-- Joining ceremonies (入会仪式): scheduled by a unit, new members invited, attendance recorded.
CREATE TABLE ceremony
(
  id         BIGSERIAL PRIMARY KEY,
  unit_id    BIGINT NOT NULL,
  title      TEXT   NOT NULL CHECK (length(trim(title)) > 0),
  starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  place      TEXT   NOT NULL CHECK (length(trim(place)) > 0),
  status     TEXT   NOT NULL CHECK (status IN ('SCHEDULED', 'HELD')),
  created_by BIGINT NOT NULL
);
CREATE INDEX ceremony_unit_idx ON ceremony (unit_id, starts_at DESC);

CREATE TABLE ceremony_invitee
(
  ceremony_id BIGINT NOT NULL REFERENCES ceremony (id),
  member_id   BIGINT NOT NULL REFERENCES member (id),
  attended    BOOLEAN,
  PRIMARY KEY (ceremony_id, member_id)
);
CREATE INDEX ceremony_invitee_member_idx ON ceremony_invitee (member_id);
