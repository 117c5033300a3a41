-- publicity (宣传): articles and short videos written by units, reviewed by an officer with the review right,
-- published on public share pages (or internal ones), pushed to chat-group robots, with reach per unit.

-- Who may approve what: an officer named reviewer for a unit approves items written by that unit or any below it
-- (never their own). Named by the officers above or the committee.
CREATE TABLE publicity_reviewer
(
  unit_id    BIGINT      NOT NULL,
  account_id BIGINT      NOT NULL,
  named_by   BIGINT      NOT NULL,
  named_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, account_id)
);
CREATE INDEX publicity_reviewer_account_idx ON publicity_reviewer (account_id);

CREATE TABLE publicity_item
(
  id             BIGSERIAL PRIMARY KEY,
  kind           TEXT        NOT NULL CHECK (kind IN ('ARTICLE', 'VIDEO')),
  title          TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  summary        TEXT        NOT NULL DEFAULT '' CHECK (length(summary) <= 300),
  -- Sanitised HTML (headings, paragraphs, lists, emphasis, links, the platform's own pictures and videos).
  body_html      TEXT        NOT NULL DEFAULT '' CHECK (length(body_html) <= 200000),
  category       TEXT        NOT NULL CHECK (category IN ('NEWS', 'POLICY', 'MODELS', 'NOTICE', 'CULTURE', 'SAFETY')),
  unit_id        BIGINT      NOT NULL,
  cover_key      TEXT,
  video_key      TEXT,
  poster_key     TEXT,
  video_seconds  INT CHECK (video_seconds >= 0),
  -- The union's own Douyin or Kuaishou page for this item, when it was posted there too.
  external_url   TEXT CHECK (external_url ~ '^https://'),
  -- Internal items need a log-in to read; public ones do not.
  internal       BOOLEAN     NOT NULL DEFAULT false,
  status         TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED', 'WITHDRAWN')),
  return_comment TEXT CHECK (length(return_comment) <= 500),
  -- Approved for this moment: published by the scheduler once it comes (null: at approval).
  publish_at     TIMESTAMPTZ,
  published_at   TIMESTAMPTZ,
  withdrawn_at   TIMESTAMPTZ,
  withdraw_reason TEXT CHECK (length(withdraw_reason) <= 500),
  created_by     BIGINT      NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  submitted_by   BIGINT,
  submitted_at   TIMESTAMPTZ,
  approved_by    BIGINT,
  approved_at    TIMESTAMPTZ,
  CHECK ((kind = 'VIDEO') = (video_key IS NOT NULL)),
  CHECK ((status = 'RETURNED') = (return_comment IS NOT NULL)),
  CHECK (status <> 'PUBLISHED' OR (approved_by IS NOT NULL AND published_at IS NOT NULL)),
  CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL)),
  -- Nobody approves what they wrote or submitted.
  CHECK (approved_by IS NULL OR (approved_by <> created_by AND approved_by IS DISTINCT FROM submitted_by))
);
CREATE INDEX publicity_item_published_idx ON publicity_item (published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX publicity_item_unit_idx ON publicity_item (unit_id, status);
CREATE INDEX publicity_item_scheduled_idx ON publicity_item (publish_at) WHERE status = 'SUBMITTED' AND approved_by IS NOT NULL;

-- Pictures uploaded for an item: stored resized (a thumbnail and a phone-size image), referenced from the body.
CREATE TABLE publicity_picture
(
  id           BIGSERIAL PRIMARY KEY,
  item_id      BIGINT NOT NULL REFERENCES publicity_item (id),
  thumb_key    TEXT   NOT NULL,
  image_key    TEXT   NOT NULL,
  width        INT    NOT NULL,
  height       INT    NOT NULL,
  uploaded_by  BIGINT NOT NULL,
  uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX publicity_picture_item_idx ON publicity_picture (item_id);

-- Reads: one row per reader and item. A logged-in reader is their employee; an anonymous one a random cookie id
-- (no IP address, no fingerprint). unit_id is the reader's union unit at the time of reading.
CREATE TABLE publicity_read
(
  item_id     BIGINT      NOT NULL REFERENCES publicity_item (id),
  reader      TEXT        NOT NULL CHECK (length(reader) BETWEEN 1 AND 64),
  employee_id BIGINT,
  unit_id     BIGINT,
  first_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, reader)
);
CREATE INDEX publicity_read_employee_idx ON publicity_read (employee_id) WHERE employee_id IS NOT NULL;

-- Shares counted when someone presses a share button or downloads the poster (channel as told by the page).
CREATE TABLE publicity_share
(
  item_id BIGINT      NOT NULL REFERENCES publicity_item (id),
  channel TEXT        NOT NULL CHECK (channel IN ('WECHAT', 'QQ', 'LINK', 'POSTER')),
  day     DATE        NOT NULL,
  count   INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (item_id, channel, day)
);

-- Chat-group robots (企业微信 / 钉钉 group webhooks) of a unit; the URL carries the robot's key, so it is stored
-- encrypted and shown masked.
CREATE TABLE publicity_webhook
(
  id             BIGSERIAL PRIMARY KEY,
  unit_id        BIGINT      NOT NULL,
  kind           TEXT        NOT NULL CHECK (kind IN ('WECOM', 'DINGTALK')),
  name           TEXT        NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
  url_encrypted  TEXT        NOT NULL,
  -- DingTalk's signing secret (加签), encrypted; null when the robot uses keywords or IP lists instead.
  secret_encrypted TEXT,
  active         BOOLEAN     NOT NULL DEFAULT true,
  created_by     BIGINT      NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX publicity_webhook_unit_idx ON publicity_webhook (unit_id) WHERE active;

-- The push outbox: written in the transaction that publishes, delivered by a job with retries and backoff; rows
-- are claimed with SKIP LOCKED so two nodes never send one twice; failures stay visible with the reason.
CREATE TABLE publicity_push
(
  id              BIGSERIAL PRIMARY KEY,
  item_id         BIGINT      NOT NULL REFERENCES publicity_item (id),
  webhook_id      BIGINT      NOT NULL REFERENCES publicity_webhook (id),
  status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts        INT         NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error      TEXT,
  sent_at         TIMESTAMPTZ,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (item_id, webhook_id)
);
CREATE INDEX publicity_push_due_idx ON publicity_push (next_attempt_at) WHERE status = 'PENDING';
