-- library (职工书屋 + 智能借阅): a catalogue of titles, copies in reading rooms run by union units, loans,
-- returns at any room, renewals, a holds queue per title, acquisition suggestions.

-- A category tree (人文科学, 职业技能, 党建, 文学, 科普 …); searching a category includes its descendants.
CREATE TABLE library_category
(
  id        BIGSERIAL PRIMARY KEY,
  parent_id BIGINT REFERENCES library_category (id),
  code      TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name_zh   TEXT NOT NULL CHECK (length(trim(name_zh)) BETWEEN 1 AND 40),
  name_en   TEXT NOT NULL CHECK (length(trim(name_en)) BETWEEN 1 AND 60),
  position  INT  NOT NULL DEFAULT 0
);
INSERT INTO library_category (code, name_zh, name_en, position)
VALUES ('HUMANITIES', '人文科学', 'Humanities', 1),
       ('SKILLS', '职业技能', 'Job skills', 2),
       ('PARTY', '党建', 'Party building', 3),
       ('LITERATURE', '文学', 'Literature', 4),
       ('SCIENCE', '科普', 'Popular science', 5),
       ('LIFE', '生活与健康', 'Life and health', 6);
INSERT INTO library_category (parent_id, code, name_zh, name_en, position)
SELECT id, c.code, c.name_zh, c.name_en, c.position
FROM library_category p,
     (VALUES ('HUMANITIES', 'HISTORY', '历史', 'History', 1),
             ('HUMANITIES', 'PHILOSOPHY', '哲学', 'Philosophy', 2),
             ('HUMANITIES', 'ECONOMICS', '经济与管理', 'Economics and management', 3),
             ('SKILLS', 'TRAFFIC', '交通与道路', 'Roads and traffic', 1),
             ('SKILLS', 'SAFETY', '安全生产', 'Work safety', 2),
             ('SKILLS', 'COMPUTING', '计算机与网络', 'Computing and the internet', 3),
             ('SKILLS', 'SERVICE', '服务礼仪', 'Customer service', 4),
             ('LITERATURE', 'CLASSICS', '古典文学', 'Classical literature', 1),
             ('LITERATURE', 'MODERN', '现当代文学', 'Modern literature', 2),
             ('LITERATURE', 'FOREIGN', '外国文学', 'Foreign literature', 3)) AS c(parent, code, name_zh, name_en, position)
WHERE p.code = c.parent;

-- A reading room (职工书屋) at a site, run by a union unit whose officers (and those above) manage it.
CREATE TABLE library_room
(
  id         BIGSERIAL PRIMARY KEY,
  name       TEXT        NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
  unit_id    BIGINT      NOT NULL,
  site       TEXT        NOT NULL DEFAULT '' CHECK (length(site) <= 200),
  hours      TEXT        NOT NULL DEFAULT '' CHECK (length(hours) <= 200),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX library_room_name_idx ON library_room (lower(trim(name)));
CREATE INDEX library_room_unit_idx ON library_room (unit_id);

-- Every insert or change that search shows takes a new number: each node's index catches up by reading the
-- titles whose number is above the highest it has seen, so two nodes stay current without talking to each other.
CREATE SEQUENCE library_search_seq;

CREATE TABLE library_title
(
  id             BIGSERIAL PRIMARY KEY,
  -- ISBN-13 without hyphens (an ISBN-10 is converted on entry); null for the rare book without one.
  isbn13         TEXT UNIQUE CHECK (isbn13 ~ '^97[89][0-9]{10}$'),
  title          TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  authors        TEXT        NOT NULL DEFAULT '' CHECK (length(authors) <= 300),
  publisher      TEXT        NOT NULL DEFAULT '' CHECK (length(publisher) <= 100),
  pub_year       INT CHECK (pub_year BETWEEN 1800 AND 2100),
  category_id    BIGINT      NOT NULL REFERENCES library_category (id),
  cover_key      TEXT,
  summary        TEXT        NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
  search_version BIGINT      NOT NULL DEFAULT nextval('library_search_seq'),
  created_by     BIGINT      NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX library_title_category_idx ON library_title (category_id);
CREATE INDEX library_title_search_version_idx ON library_title (search_version);
CREATE INDEX library_title_new_idx ON library_title (created_at DESC);

CREATE FUNCTION library_title_touched() RETURNS trigger AS
$$
BEGIN
  NEW.search_version := nextval('library_search_seq');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER library_title_touched
  BEFORE UPDATE OF isbn13, title, authors, publisher, pub_year, category_id, summary, cover_key ON library_title
  FOR EACH ROW EXECUTE FUNCTION library_title_touched();

-- Barcodes are numbered by the platform: T + 8 digits, printed with a QR code of the copy's page.
CREATE SEQUENCE library_barcode_seq;

-- A copy (馆藏) of a title. home_room_id is where it belongs; room_id where it is now (or is heading, in transit).
CREATE TABLE library_copy
(
  id           BIGSERIAL PRIMARY KEY,
  title_id     BIGINT      NOT NULL REFERENCES library_title (id),
  barcode      TEXT        NOT NULL UNIQUE CHECK (barcode ~ '^[A-Z0-9]{4,20}$'),
  home_room_id BIGINT      NOT NULL REFERENCES library_room (id),
  room_id      BIGINT      NOT NULL REFERENCES library_room (id),
  status       TEXT        NOT NULL CHECK (status IN ('AVAILABLE', 'ON_LOAN', 'ON_HOLD_SHELF', 'IN_TRANSIT', 'LOST',
                                                      'WITHDRAWN')),
  status_note  TEXT CHECK (length(status_note) <= 200),
  added_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  added_by     BIGINT      NOT NULL
);
CREATE INDEX library_copy_title_idx ON library_copy (title_id);
CREATE INDEX library_copy_room_idx ON library_copy (room_id, status);

-- Rooms holding a title are part of what search filters on: a copy added or moved renumbers its title.
CREATE FUNCTION library_copy_touches_title() RETURNS trigger AS
$$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.room_id IS DISTINCT FROM OLD.room_id OR NEW.home_room_id IS DISTINCT FROM OLD.home_room_id
     OR (NEW.status IN ('LOST', 'WITHDRAWN')) IS DISTINCT FROM (OLD.status IN ('LOST', 'WITHDRAWN')) THEN
    UPDATE library_title SET search_version = nextval('library_search_seq') WHERE id = NEW.title_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER library_copy_touches_title
  AFTER INSERT OR UPDATE OF room_id, home_room_id, status ON library_copy
  FOR EACH ROW EXECUTE FUNCTION library_copy_touches_title();

-- Loan rules as named policies (like Koha's circulation matrix): what applies to a reader and a copy is the rule
-- of the most specific match of (reader type, category); the rule for (ANY, no category) is the fallback and
-- always exists. A policy with max_loans 0 means "may not borrow".
CREATE TABLE library_policy
(
  id               BIGSERIAL PRIMARY KEY,
  name             TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 60),
  loan_days        INT     NOT NULL CHECK (loan_days BETWEEN 1 AND 365),
  max_loans        INT     NOT NULL CHECK (max_loans BETWEEN 0 AND 100),
  renewals         INT     NOT NULL CHECK (renewals BETWEEN 0 AND 20),
  holds_allowed    BOOLEAN NOT NULL,
  pickup_days      INT     NOT NULL CHECK (pickup_days BETWEEN 1 AND 30),
  -- A copy returned at another room stays there (and that room becomes its home) instead of going back.
  floating         BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE library_rule
(
  id          BIGSERIAL PRIMARY KEY,
  reader_type TEXT   NOT NULL CHECK (reader_type IN ('MEMBER', 'NON_MEMBER', 'ANY')),
  category_id BIGINT REFERENCES library_category (id),
  policy_id   BIGINT NOT NULL REFERENCES library_policy (id)
);
CREATE UNIQUE INDEX library_rule_match_idx ON library_rule (reader_type, coalesce(category_id, 0));
INSERT INTO library_policy (name, loan_days, max_loans, renewals, holds_allowed, pickup_days)
VALUES ('会员标准 Members', 30, 5, 2, true, 3),
       ('非会员 Non-members', 14, 2, 1, false, 3);
INSERT INTO library_rule (reader_type, category_id, policy_id)
SELECT 'ANY', NULL, id FROM library_policy WHERE name = '会员标准 Members';
INSERT INTO library_rule (reader_type, category_id, policy_id)
SELECT 'NON_MEMBER', NULL, id FROM library_policy WHERE name = '非会员 Non-members';

CREATE TABLE library_loan
(
  id                BIGSERIAL PRIMARY KEY,
  copy_id           BIGINT      NOT NULL REFERENCES library_copy (id),
  employee_id       BIGINT      NOT NULL,
  room_id           BIGINT      NOT NULL REFERENCES library_room (id),
  -- SELF: scanned at the shelf by the reader; DESK: lent by an officer.
  via               TEXT        NOT NULL CHECK (via IN ('SELF', 'DESK')),
  lent_by           BIGINT,
  borrowed_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  due_at            TIMESTAMPTZ NOT NULL,
  renewals          INT         NOT NULL DEFAULT 0 CHECK (renewals >= 0),
  returned_at       TIMESTAMPTZ,
  returned_room_id  BIGINT REFERENCES library_room (id),
  returned_to       BIGINT,
  reminded_at       TIMESTAMPTZ,
  overdue_told_at   TIMESTAMPTZ,
  CHECK (due_at > borrowed_at),
  CHECK ((returned_at IS NULL) = (returned_room_id IS NULL))
);
-- Never two people on one copy, whatever the concurrency.
CREATE UNIQUE INDEX library_loan_open_idx ON library_loan (copy_id) WHERE returned_at IS NULL;
CREATE INDEX library_loan_reader_idx ON library_loan (employee_id, borrowed_at DESC);
CREATE INDEX library_loan_due_idx ON library_loan (due_at) WHERE returned_at IS NULL;

-- Holds (预约) queue per title in arrival order: the number comes from a sequence, so positions never collide; a
-- reader's place is their rank among those waiting, so it never skips. A returned copy is caught for the head
-- (IN_TRANSIT to the pickup room, or READY on its hold shelf with a pickup deadline).
CREATE SEQUENCE library_hold_queue_seq;
CREATE TABLE library_hold
(
  id             BIGSERIAL PRIMARY KEY,
  title_id       BIGINT      NOT NULL REFERENCES library_title (id),
  employee_id    BIGINT      NOT NULL,
  pickup_room_id BIGINT      NOT NULL REFERENCES library_room (id),
  queue_no       BIGINT      NOT NULL DEFAULT nextval('library_hold_queue_seq'),
  status         TEXT        NOT NULL CHECK (status IN ('WAITING', 'IN_TRANSIT', 'READY', 'FULFILLED', 'CANCELLED',
                                                        'EXPIRED')),
  copy_id        BIGINT REFERENCES library_copy (id),
  ready_at       TIMESTAMPTZ,
  pickup_by      TIMESTAMPTZ,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  closed_at      TIMESTAMPTZ,
  CHECK (status NOT IN ('IN_TRANSIT', 'READY') OR copy_id IS NOT NULL),
  CHECK (status <> 'WAITING' OR copy_id IS NULL),
  CHECK (status <> 'READY' OR (ready_at IS NOT NULL AND pickup_by IS NOT NULL)),
  CHECK ((status IN ('FULFILLED', 'CANCELLED', 'EXPIRED')) = (closed_at IS NOT NULL))
);
-- One open hold per reader and title; one copy caught for one hold at a time.
CREATE UNIQUE INDEX library_hold_open_idx ON library_hold (title_id, employee_id)
  WHERE status IN ('WAITING', 'IN_TRANSIT', 'READY');
CREATE UNIQUE INDEX library_hold_copy_idx ON library_hold (copy_id) WHERE status IN ('IN_TRANSIT', 'READY');
CREATE INDEX library_hold_queue_idx ON library_hold (title_id, queue_no) WHERE status = 'WAITING';
CREATE INDEX library_hold_reader_idx ON library_hold (employee_id);

-- Acquisition suggestions (荐购) from employees, decided by the room's officers.
CREATE TABLE library_suggestion
(
  id          BIGSERIAL PRIMARY KEY,
  employee_id BIGINT      NOT NULL,
  room_id     BIGINT      NOT NULL REFERENCES library_room (id),
  title       TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  authors     TEXT        NOT NULL DEFAULT '' CHECK (length(authors) <= 300),
  isbn13      TEXT CHECK (isbn13 ~ '^97[89][0-9]{10}$'),
  reason      TEXT        NOT NULL DEFAULT '' CHECK (length(reason) <= 1000),
  status      TEXT        NOT NULL CHECK (status IN ('NEW', 'ACCEPTED', 'DECLINED', 'ACQUIRED')),
  reply       TEXT CHECK (length(reply) <= 500),
  decided_by  BIGINT,
  decided_at  TIMESTAMPTZ,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((status = 'DECLINED') <= (reply IS NOT NULL)),
  CHECK ((status = 'NEW') = (decided_at IS NULL))
);
CREATE INDEX library_suggestion_room_idx ON library_suggestion (room_id, status);
CREATE INDEX library_suggestion_reader_idx ON library_suggestion (employee_id);
