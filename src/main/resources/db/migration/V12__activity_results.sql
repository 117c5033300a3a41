-- Results shared (成果一起享): the summary of an activity with its photo gallery, and honours (荣誉).

-- One summary per activity, published once it has ended; attendance is read from the check-ins.
CREATE TABLE activity_summary
(
  activity_id  BIGINT PRIMARY KEY REFERENCES activity (id),
  outcomes     TEXT        NOT NULL CHECK (length(trim(outcomes)) BETWEEN 1 AND 5000),
  published_by BIGINT      NOT NULL,
  published_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX activity_summary_published_idx ON activity_summary (published_at DESC);

-- Each photo is kept as two JPEGs made on upload: a thumbnail for lists and a phone-size image. The
-- original is not kept (it may carry the place it was taken in its EXIF data, and is many times larger).
CREATE TABLE activity_photo
(
  id           BIGSERIAL PRIMARY KEY,
  activity_id  BIGINT NOT NULL REFERENCES activity_summary (activity_id),
  position     INT    NOT NULL CHECK (position BETWEEN 1 AND 20),
  thumb_key    TEXT   NOT NULL UNIQUE,
  thumb_width  INT    NOT NULL CHECK (thumb_width > 0),
  thumb_height INT    NOT NULL CHECK (thumb_height > 0),
  image_key    TEXT   NOT NULL UNIQUE,
  image_width  INT    NOT NULL CHECK (image_width > 0),
  image_height INT    NOT NULL CHECK (image_height > 0),
  UNIQUE (activity_id, position)
);

-- An honour given by a body (awarded_by_unit_id) to a person or to a team (a unit). recipient_unit_id is the
-- person's unit when it was given (the team itself for a team), so an honours wall keeps it after a move.
CREATE TABLE honour
(
  id                 BIGSERIAL PRIMARY KEY,
  kind               TEXT        NOT NULL CHECK (kind IN ('MODEL_WORKER', 'CRAFTSMAN', 'ADVANCED_INDIVIDUAL',
                                                          'ADVANCED_TEAM', 'OUTSTANDING_VOLUNTEER', 'OTHER')),
  title              TEXT CHECK (title IS NULL OR length(trim(title)) BETWEEN 1 AND 100),
  year               INT         NOT NULL CHECK (year BETWEEN 1950 AND 2100),
  citation           TEXT        NOT NULL CHECK (length(trim(citation)) BETWEEN 1 AND 1000),
  awarded_by_unit_id BIGINT      NOT NULL,
  employee_id        BIGINT,
  team_unit_id       BIGINT,
  recipient_unit_id  BIGINT      NOT NULL,
  photo_thumb_key    TEXT,
  photo_key          TEXT,
  given_by           BIGINT      NOT NULL,
  given_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at         TIMESTAMPTZ,
  revoked_by         BIGINT,
  revoke_reason      TEXT CHECK (revoke_reason IS NULL OR length(trim(revoke_reason)) BETWEEN 1 AND 500),
  CHECK ((employee_id IS NULL) <> (team_unit_id IS NULL)),
  CHECK (team_unit_id IS NULL OR team_unit_id = recipient_unit_id),
  CHECK (kind <> 'ADVANCED_TEAM' OR team_unit_id IS NOT NULL),
  CHECK (kind NOT IN ('MODEL_WORKER', 'CRAFTSMAN', 'ADVANCED_INDIVIDUAL', 'OUTSTANDING_VOLUNTEER')
    OR employee_id IS NOT NULL),
  CHECK (kind <> 'OTHER' OR title IS NOT NULL),
  CHECK ((photo_key IS NULL) = (photo_thumb_key IS NULL)),
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL) AND (revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX honour_recipient_unit_idx ON honour (recipient_unit_id) WHERE revoked_at IS NULL;
CREATE INDEX honour_awarded_by_idx ON honour (awarded_by_unit_id) WHERE revoked_at IS NULL;
CREATE INDEX honour_employee_idx ON honour (employee_id) WHERE revoked_at IS NULL;
