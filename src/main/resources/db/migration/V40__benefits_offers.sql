-- benefits: partners' offers (普惠) claimed as one-use vouchers, and birthday benefits (生日福利) issued once a year.
-- Both kinds of voucher are checked and redeemed by the partner on one public page, with the partner's PIN.

-- An offer published by a unit for the members of its subtree. claimed counts the vouchers given out: a claim is
-- one conditional UPDATE (claimed < quota), so the quota is never oversold however many claim at once.
CREATE TABLE benefits_offer (
  id           BIGSERIAL PRIMARY KEY,
  unit_id      BIGINT NOT NULL REFERENCES org_unit (id),
  partner      TEXT NOT NULL,
  title        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  category     TEXT NOT NULL CHECK (category IN ('HEALTH', 'TICKETS', 'SHOPPING', 'DINING', 'TRAVEL', 'OTHER')),
  valid_from   DATE NOT NULL,
  valid_until  DATE NOT NULL,
  quota        INT NOT NULL CHECK (quota > 0),
  claimed      INT NOT NULL DEFAULT 0,
  -- The partner's six-digit PIN, shown once to the officer who publishes; only its hash is kept.
  pin_hash     TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'WITHDRAWN')),
  created_by   BIGINT NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  withdrawn_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT benefits_offer_window_check CHECK (valid_until >= valid_from),
  CONSTRAINT benefits_offer_claimed_check CHECK (claimed >= 0 AND claimed <= quota),
  CONSTRAINT benefits_offer_withdrawn_check CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX benefits_offer_unit_idx ON benefits_offer (unit_id, id DESC);
CREATE INDEX benefits_offer_open_idx ON benefits_offer (valid_until) WHERE status = 'OPEN';

-- The committee's birthday benefit: one row, absent until first set (off).
CREATE TABLE benefits_birthday_setting (
  id         INT PRIMARY KEY CHECK (id = 1),
  enabled    BOOLEAN NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('CAKE', 'CARD')),
  amount     NUMERIC(12, 2) NOT NULL CHECK (amount >= 0),
  partner    TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  pin_hash   TEXT NOT NULL,
  updated_by BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- A birthday benefit given: once per member and year (the unique key makes the daily job insert-once across nodes).
-- What was given is copied from the setting of the day, and the member's unit of the day scopes the officers' lists.
CREATE TABLE benefits_birthday (
  id          BIGSERIAL PRIMARY KEY,
  employee_id BIGINT NOT NULL REFERENCES employee (id),
  year        INT NOT NULL,
  month       INT NOT NULL CHECK (month BETWEEN 1 AND 12),
  unit_id     BIGINT NOT NULL REFERENCES org_unit (id),
  kind        TEXT NOT NULL CHECK (kind IN ('CAKE', 'CARD')),
  amount      NUMERIC(12, 2) NOT NULL,
  partner     TEXT NOT NULL,
  note        TEXT NOT NULL,
  issued_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT benefits_birthday_once UNIQUE (employee_id, year)
);
CREATE INDEX benefits_birthday_month_idx ON benefits_birthday (year, month, unit_id);

-- A voucher with its unguessable code (the QR leads to the public check page). Redeemed once: one conditional UPDATE
-- on redeemed_at IS NULL. Wrong PINs lock the voucher's check for a while.
CREATE TABLE benefits_voucher (
  id                  BIGSERIAL PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  employee_id         BIGINT NOT NULL REFERENCES employee (id),
  offer_id            BIGINT REFERENCES benefits_offer (id),
  birthday_id         BIGINT UNIQUE REFERENCES benefits_birthday (id),
  valid_from          DATE NOT NULL,
  valid_until         DATE NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  redeemed_at         TIMESTAMP WITH TIME ZONE,
  redeemed_by         TEXT CHECK (redeemed_by IN ('PARTNER', 'OFFICER')),
  redeemed_by_account BIGINT,
  voided_at           TIMESTAMP WITH TIME ZONE,
  wrong_pins          INT NOT NULL DEFAULT 0,
  locked_until        TIMESTAMP WITH TIME ZONE,
  CONSTRAINT benefits_voucher_source_check CHECK ((offer_id IS NULL) <> (birthday_id IS NULL)),
  CONSTRAINT benefits_voucher_redeemed_check CHECK ((redeemed_at IS NULL) = (redeemed_by IS NULL)),
  CONSTRAINT benefits_voucher_void_check CHECK (redeemed_at IS NULL OR voided_at IS NULL)
);
-- One voucher per member and offer.
CREATE UNIQUE INDEX benefits_voucher_one_per_member ON benefits_voucher (offer_id, employee_id)
  WHERE offer_id IS NOT NULL;
CREATE INDEX benefits_voucher_holder_idx ON benefits_voucher (employee_id, id DESC);
