-- notify: each person's channels, quiet hours and digest, and the outbox the senders deliver from.

CREATE TABLE notice_setting
(
  employee_id BIGINT PRIMARY KEY,
  email       TEXT,
  quiet_from  TIME,
  quiet_until TIME,
  digest      BOOLEAN NOT NULL DEFAULT FALSE,
  digest_at   TIME    NOT NULL DEFAULT '18:00',
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CHECK ((quiet_from IS NULL) = (quiet_until IS NULL)),
  CHECK (quiet_from IS NULL OR quiet_from <> quiet_until)
);

-- No row for a kind: the enterprise's default channels.
CREATE TABLE notice_preference
(
  employee_id BIGINT NOT NULL,
  kind        TEXT   NOT NULL,
  channels    TEXT[] NOT NULL,
  PRIMARY KEY (employee_id, kind)
);

-- One row per person, channel and notice. PENDING rows are claimed with FOR UPDATE SKIP LOCKED and leased to one
-- sender (claim_token); HELD rows wait for the person's daily digest and are folded into it (DIGESTED, digest_id).
CREATE TABLE notice_outbox
(
  id          BIGSERIAL PRIMARY KEY,
  employee_id BIGINT  NOT NULL,
  channel     TEXT    NOT NULL CHECK (channel IN ('EMAIL', 'WECOM', 'DINGTALK', 'SMS')),
  kind        TEXT    NOT NULL,
  urgent      BOOLEAN NOT NULL DEFAULT FALSE,
  language    TEXT    NOT NULL,
  title       TEXT    NOT NULL,
  body        TEXT    NOT NULL,
  link        TEXT,
  status      TEXT    NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'HELD', 'DIGESTED')),
  not_before  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  attempts    INT     NOT NULL DEFAULT 0,
  claim_token UUID,
  lease_until TIMESTAMP WITH TIME ZONE,
  last_error  TEXT,
  digest_id   BIGINT REFERENCES notice_outbox (id),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  sent_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notice_outbox_due_idx ON notice_outbox (not_before, id) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX notice_outbox_held_idx ON notice_outbox (not_before, employee_id) WHERE status = 'HELD';
CREATE INDEX notice_outbox_failed_idx ON notice_outbox (id DESC) WHERE status = 'FAILED';
CREATE INDEX notice_outbox_person_idx ON notice_outbox (employee_id, id DESC);
