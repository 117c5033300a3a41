-- activity (活动一起办): activities hosted by one body with co-hosts, sign-up that survives a rush, check-in.
CREATE TABLE activity
(
  id               BIGSERIAL PRIMARY KEY,
  title            TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  type             TEXT        NOT NULL CHECK (type IN ('CULTURE_SPORTS', 'TRAINING', 'VISIT', 'SOLACE', 'CONTEST',
                                                        'VOLUNTEERING', 'OTHER')),
  description      TEXT        NOT NULL DEFAULT '',
  place            TEXT,
  -- The venue it books (venues come with their own calendar); null for a place given as text.
  venue_id         BIGINT,
  starts_at        TIMESTAMPTZ NOT NULL,
  ends_at          TIMESTAMPTZ NOT NULL,
  signup_opens_at  TIMESTAMPTZ NOT NULL,
  signup_closes_at TIMESTAMPTZ NOT NULL,
  capacity         INT         NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
  -- Who may sign up: members of a subtree, every employee of a subtree, or the invitees listed.
  audience         TEXT        NOT NULL CHECK (audience IN ('MEMBERS', 'EMPLOYEES', 'LIST')),
  audience_unit_id BIGINT,
  lottery          BOOLEAN     NOT NULL DEFAULT false,
  lottery_seed     TEXT,
  drawn_at         TIMESTAMPTZ,
  lead_unit_id     BIGINT      NOT NULL,
  status           TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'HELD', 'SUMMARISED', 'CANCELLED')),
  cancel_reason    TEXT,
  checkin_token    TEXT        NOT NULL,
  cover_key        TEXT,
  created_by       BIGINT      NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (signup_closes_at > signup_opens_at AND signup_closes_at <= starts_at),
  CHECK ((audience = 'LIST') = (audience_unit_id IS NULL)),
  CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL)),
  CHECK ((drawn_at IS NULL) = (lottery_seed IS NULL))
);
CREATE INDEX activity_starts_idx ON activity (starts_at) WHERE status <> 'DRAFT';

-- The lead body and its co-hosts (union units, youth league, women's committee, party branches): each is credited.
CREATE TABLE activity_host
(
  activity_id BIGINT NOT NULL REFERENCES activity (id),
  unit_id     BIGINT NOT NULL,
  lead        BOOLEAN NOT NULL,
  PRIMARY KEY (activity_id, unit_id)
);
CREATE UNIQUE INDEX activity_host_lead_idx ON activity_host (activity_id) WHERE lead;
CREATE INDEX activity_host_unit_idx ON activity_host (unit_id);

CREATE TABLE activity_invitee
(
  activity_id BIGINT NOT NULL REFERENCES activity (id),
  employee_id BIGINT NOT NULL,
  PRIMARY KEY (activity_id, employee_id)
);

-- Arrival order across the whole system; a lottery replaces it with the order drawn.
CREATE SEQUENCE activity_queue_seq;

CREATE TABLE activity_registration
(
  id            BIGSERIAL PRIMARY KEY,
  activity_id   BIGINT      NOT NULL REFERENCES activity (id),
  employee_id   BIGINT      NOT NULL,
  status        TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED')),
  queue_no      BIGINT      NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  cancelled_at  TIMESTAMPTZ,
  checked_in_at TIMESTAMPTZ,
  checked_in_by BIGINT,
  CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
-- Nobody is registered twice, whatever the concurrency.
CREATE UNIQUE INDEX activity_registration_once_idx ON activity_registration (activity_id, employee_id)
  WHERE status = 'ACTIVE';
CREATE INDEX activity_registration_queue_idx ON activity_registration (activity_id, queue_no) WHERE status = 'ACTIVE';
CREATE INDEX activity_registration_employee_idx ON activity_registration (employee_id);

-- Seats are rows, created when the activity is published: a registration is confirmed when it holds one.
-- Claiming a free seat with SKIP LOCKED lets a rush commit in parallel instead of queueing on one counter;
-- capacity cannot be exceeded because there are only as many rows as seats (seat_no checked below), and
-- nobody holds two because a registration holds at most one seat.
CREATE TABLE activity_seat
(
  activity_id     BIGINT NOT NULL REFERENCES activity (id),
  seat_no         INT    NOT NULL CHECK (seat_no >= 1),
  registration_id BIGINT UNIQUE REFERENCES activity_registration (id),
  PRIMARY KEY (activity_id, seat_no)
);
CREATE INDEX activity_seat_free_idx ON activity_seat (activity_id, seat_no) WHERE registration_id IS NULL;

CREATE FUNCTION activity_seat_within_capacity() RETURNS trigger AS
$$
BEGIN
  IF NEW.seat_no > (SELECT capacity FROM activity WHERE id = NEW.activity_id) THEN
    RAISE EXCEPTION 'seat % is beyond the capacity of activity %', NEW.seat_no, NEW.activity_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER activity_seat_within_capacity
  BEFORE INSERT OR UPDATE OF seat_no ON activity_seat
  FOR EACH ROW EXECUTE FUNCTION activity_seat_within_capacity();

-- Capacity may grow after publishing (more seats are added), never shrink below the seats that exist.
CREATE FUNCTION activity_capacity_keeps_seats() RETURNS trigger AS
$$
BEGIN
  IF NEW.capacity < (SELECT coalesce(max(seat_no), 0) FROM activity_seat WHERE activity_id = NEW.id) THEN
    RAISE EXCEPTION 'activity % has more seats than a capacity of %', NEW.id, NEW.capacity;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER activity_capacity_keeps_seats
  BEFORE UPDATE OF capacity ON activity
  FOR EACH ROW EXECUTE FUNCTION activity_capacity_keeps_seats();
