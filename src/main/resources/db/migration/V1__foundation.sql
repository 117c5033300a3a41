-- Spring Modulith's event publication registry (v2 schema of spring-modulith-events-jdbc 2.0).
CREATE TABLE event_publication
(
  id                     UUID NOT NULL PRIMARY KEY,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- org: the union tree (materialised path, see docs/decisions.md) and partner bodies beside it.
CREATE TABLE org_unit
(
  id         BIGSERIAL PRIMARY KEY,
  parent_id  BIGINT REFERENCES org_unit (id),
  beside_id  BIGINT REFERENCES org_unit (id),
  name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  kind       TEXT    NOT NULL CHECK (kind IN ('COMPANY_UNION', 'GRASSROOTS_UNION', 'BRANCH', 'GROUP',
                                              'YOUTH_LEAGUE', 'WOMEN_COMMITTEE', 'PARTY_BRANCH')),
  path       TEXT    NOT NULL UNIQUE,
  depth      INT     NOT NULL,
  closed_at  TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (beside_id IS NULL OR kind IN ('YOUTH_LEAGUE', 'WOMEN_COMMITTEE', 'PARTY_BRANCH'))
);
CREATE INDEX org_unit_path_idx ON org_unit (path text_pattern_ops);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);
CREATE INDEX org_unit_name_idx ON org_unit (lower(name));

CREATE TABLE department
(
  id      BIGSERIAL PRIMARY KEY,
  code    TEXT   NOT NULL UNIQUE,
  name    TEXT   NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES org_unit (id)
);
CREATE INDEX department_unit_idx ON department (unit_id);

-- Phone and ID-card number are stored encrypted; *_idx columns are keyed blind indexes for look-up.
CREATE TABLE employee
(
  id            BIGSERIAL PRIMARY KEY,
  emp_no        TEXT   NOT NULL UNIQUE,
  name          TEXT   NOT NULL,
  gender        CHAR(1) NOT NULL CHECK (gender IN ('M', 'F')),
  birth_date    DATE   NOT NULL,
  phone_enc     TEXT   NOT NULL,
  phone_idx     TEXT   NOT NULL UNIQUE,
  id_card_enc   TEXT   NOT NULL,
  id_card_idx   TEXT   NOT NULL UNIQUE,
  department_id BIGINT NOT NULL REFERENCES department (id),
  hire_date     DATE   NOT NULL,
  job_title     TEXT   NOT NULL,
  status        TEXT   NOT NULL CHECK (status IN ('ACTIVE', 'LEAVE', 'LEFT', 'RETIRED')),
  row_hash      TEXT   NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX employee_department_idx ON employee (department_id);
CREATE INDEX employee_name_idx ON employee (name text_pattern_ops);

CREATE TABLE import_run
(
  id           BIGSERIAL PRIMARY KEY,
  actor_id     BIGINT NOT NULL,
  file_name    TEXT   NOT NULL,
  status       TEXT   NOT NULL CHECK (status IN ('REJECTED', 'IMPORTED')),
  total_rows   INT    NOT NULL,
  created_rows INT    NOT NULL DEFAULT 0,
  updated_rows INT    NOT NULL DEFAULT 0,
  errors       TEXT   NOT NULL DEFAULT '',
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- identity
CREATE TABLE account
(
  id                   BIGSERIAL PRIMARY KEY,
  username             TEXT UNIQUE,
  employee_id          BIGINT UNIQUE,
  password_hash        TEXT,
  must_change_password BOOLEAN NOT NULL DEFAULT TRUE,
  failed_attempts      INT     NOT NULL DEFAULT 0,
  locked_until         TIMESTAMP WITH TIME ZONE,
  locale               TEXT,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK (username IS NOT NULL OR employee_id IS NOT NULL)
);

CREATE TABLE role_grant
(
  id         BIGSERIAL PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES account (id),
  role       TEXT   NOT NULL CHECK (role IN ('OFFICER', 'COMMITTEE', 'ADMIN')),
  unit_id    BIGINT,
  post       TEXT,
  granted_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK ((role = 'OFFICER') = (unit_id IS NOT NULL))
);
CREATE UNIQUE INDEX role_grant_unique ON role_grant (account_id, role, coalesce(unit_id, 0));
CREATE INDEX role_grant_unit_idx ON role_grant (unit_id);

-- shared: the append-only audit trail.
CREATE TABLE audit_event
(
  id          BIGSERIAL PRIMARY KEY,
  at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  actor_id    BIGINT NOT NULL,
  actor_name  TEXT   NOT NULL,
  action      TEXT   NOT NULL,
  target_type TEXT   NOT NULL,
  target_id   TEXT,
  unit_id     BIGINT,
  summary     TEXT   NOT NULL,
  before      TEXT,
  after       TEXT
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_change
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- notify: the in-app inbox.
CREATE TABLE notification
(
  id          BIGSERIAL PRIMARY KEY,
  employee_id BIGINT NOT NULL,
  title       TEXT   NOT NULL,
  body        TEXT   NOT NULL DEFAULT '',
  link        TEXT,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  read_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_inbox_idx ON notification (employee_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (employee_id) WHERE read_at IS NULL;
