-- Holiday welfare (节日福利): rounds in which each eligible member picks one package within a budget, or gets the
-- round's default package when the window closes, and collects it at their site.

-- The committee's cap on what one member's holiday welfare may cost in a calendar year (上级工会经费规定).
CREATE TABLE welfare_policy
(
  year           INT            PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
  cap_per_member NUMERIC(12, 2) NOT NULL CHECK (cap_per_member > 0),
  set_by         BIGINT         NOT NULL,
  set_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE TABLE welfare_round
(
  id                 BIGSERIAL PRIMARY KEY,
  unit_id            BIGINT         NOT NULL,
  occasion           TEXT           NOT NULL CHECK (occasion IN ('SPRING_FESTIVAL', 'LANTERN', 'WOMENS_DAY',
                                                                  'DRAGON_BOAT', 'MID_AUTUMN', 'NATIONAL_DAY',
                                                                  'OTHER')),
  title              TEXT           NOT NULL,
  year               INT            NOT NULL,
  budget_per_member  NUMERIC(12, 2) NOT NULL CHECK (budget_per_member > 0),
  eligible_on        DATE           NOT NULL,
  opens_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  closes_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  status             TEXT           NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
  default_package_id BIGINT,
  members            INT            NOT NULL DEFAULT 0,
  budget             NUMERIC(14, 2) NOT NULL DEFAULT 0,
  created_by         BIGINT         NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  opened_at          TIMESTAMP WITH TIME ZONE,
  closed_at          TIMESTAMP WITH TIME ZONE,
  CHECK (closes_at > opens_at)
);
CREATE INDEX welfare_round_unit_idx ON welfare_round (unit_id);
CREATE INDEX welfare_round_open_idx ON welfare_round (closes_at) WHERE status = 'OPEN';

CREATE TABLE welfare_package
(
  id          BIGSERIAL PRIMARY KEY,
  round_id    BIGINT         NOT NULL REFERENCES welfare_round (id),
  name        TEXT           NOT NULL,
  description TEXT           NOT NULL DEFAULT '',
  price       NUMERIC(12, 2) NOT NULL CHECK (price > 0),
  supplier    TEXT           NOT NULL,
  stock       INT            NOT NULL CHECK (stock >= 0),
  -- Never oversold: the pick's conditional update and this check both hold the line.
  taken       INT            NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= stock),
  position    INT            NOT NULL DEFAULT 0
);
CREATE INDEX welfare_package_round_idx ON welfare_package (round_id);
ALTER TABLE welfare_round ADD FOREIGN KEY (default_package_id) REFERENCES welfare_package (id);

-- One row per eligible member, made when the round opens; site = where they collect (their branch).
CREATE TABLE welfare_entitlement
(
  id                BIGSERIAL PRIMARY KEY,
  round_id          BIGINT NOT NULL REFERENCES welfare_round (id),
  employee_id       BIGINT NOT NULL,
  site_id           BIGINT NOT NULL,
  package_id        BIGINT REFERENCES welfare_package (id),
  picked_at         TIMESTAMP WITH TIME ZONE,
  by_default        BOOLEAN NOT NULL DEFAULT FALSE,
  collected_at      TIMESTAMP WITH TIME ZONE,
  collected_by      BIGINT,
  collected_how     TEXT CHECK (collected_how IN ('SIGNED', 'OFFICER')),
  exception         TEXT CHECK (exception IN ('ABSENT', 'LEAVE', 'OTHER')),
  exception_note    TEXT,
  exception_at      TIMESTAMP WITH TIME ZONE,
  exception_outcome TEXT CHECK (exception_outcome IN ('COLLECTED', 'PROXY', 'RETURNED')),
  exception_closed_at TIMESTAMP WITH TIME ZONE,
  UNIQUE (round_id, employee_id),
  CHECK ((collected_at IS NULL) = (collected_how IS NULL)),
  CHECK (exception_outcome IS NULL OR exception IS NOT NULL)
);
CREATE INDEX welfare_entitlement_site_idx ON welfare_entitlement (round_id, site_id);
CREATE INDEX welfare_entitlement_employee_idx ON welfare_entitlement (employee_id);

-- A site's officer confirms the suppliers delivered the site's packages.
CREATE TABLE welfare_delivery
(
  round_id     BIGINT NOT NULL REFERENCES welfare_round (id),
  site_id      BIGINT NOT NULL,
  confirmed_by BIGINT NOT NULL,
  confirmed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  note         TEXT   NOT NULL DEFAULT '',
  PRIMARY KEY (round_id, site_id)
);
