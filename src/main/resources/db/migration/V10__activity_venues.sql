-- activity: shared venues (阵地一起用). A venue belongs to one body; any body may ask for a time, the owner decides.

-- btree_gist lets one exclusion constraint compare the venue with = and the time ranges with &&. It ships with
-- PostgreSQL's contrib (the embedded binaries include it) and is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE activity_venue
(
  id            BIGSERIAL PRIMARY KEY,
  name          TEXT        NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
  kind          TEXT        NOT NULL CHECK (kind IN ('WORKERS_HOME', 'ACTIVITY_ROOM', 'COURT', 'GYM', 'READING_ROOM',
                                                     'MEETING_ROOM', 'OTHER')),
  site          TEXT        NOT NULL CHECK (length(trim(site)) BETWEEN 1 AND 200),
  capacity      INT CHECK (capacity BETWEEN 1 AND 100000),
  description   TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  photo_key     TEXT,
  owner_unit_id BIGINT      NOT NULL,
  created_by    BIGINT      NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX activity_venue_name_idx ON activity_venue (owner_unit_id, lower(trim(name)));

-- The venue an activity names must exist (V9 could not point there yet).
ALTER TABLE activity ADD CONSTRAINT activity_venue_fk FOREIGN KEY (venue_id) REFERENCES activity_venue (id);

-- A body's use of a venue for a time range: asked for (PENDING), then APPROVED or DECLINED by the owner's officers,
-- or CANCELLED by either side. unit_id is the body that asked; an activity's booking names the activity.
CREATE TABLE activity_booking
(
  id                    BIGSERIAL PRIMARY KEY,
  venue_id              BIGINT      NOT NULL REFERENCES activity_venue (id),
  unit_id               BIGINT      NOT NULL,
  activity_id           BIGINT REFERENCES activity (id),
  purpose               TEXT        NOT NULL CHECK (length(trim(purpose)) BETWEEN 1 AND 200),
  starts_at             TIMESTAMPTZ NOT NULL,
  ends_at               TIMESTAMPTZ NOT NULL,
  status                TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'CANCELLED')),
  requested_by          BIGINT      NOT NULL,
  -- Told of the decision; null when a technical account asked.
  requester_employee_id BIGINT,
  requester_name        TEXT        NOT NULL,
  requested_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  decided_by            BIGINT,
  decided_at            TIMESTAMPTZ,
  decline_reason        TEXT CHECK (length(decline_reason) <= 500),
  cancelled_by          BIGINT,
  cancelled_at          TIMESTAMPTZ,
  CHECK (ends_at > starts_at),
  -- A slip of a year in a form must not block a venue for a year.
  CHECK (ends_at - starts_at <= interval '31 days'),
  CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
  CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
  CHECK (status NOT IN ('APPROVED', 'DECLINED') OR decided_at IS NOT NULL),
  -- No double booking, whatever the concurrency: two approved bookings of one venue never share an instant.
  -- Ranges are half-open, so one booking may end at the minute the next begins.
  CONSTRAINT activity_booking_no_overlap
    EXCLUDE USING gist (venue_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'APPROVED')
);
-- The calendar: a venue's bookings meeting a week, in any status.
CREATE INDEX activity_booking_calendar_idx ON activity_booking USING gist (venue_id, tstzrange(starts_at, ends_at));
CREATE INDEX activity_booking_pending_idx ON activity_booking (venue_id, starts_at) WHERE status = 'PENDING';
CREATE INDEX activity_booking_unit_idx ON activity_booking (unit_id, starts_at);
-- An activity holds at most one live booking.
CREATE UNIQUE INDEX activity_booking_activity_idx ON activity_booking (activity_id)
  WHERE status IN ('PENDING', 'APPROVED');
