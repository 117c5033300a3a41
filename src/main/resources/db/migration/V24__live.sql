-- live (直播): trainings and meetings streamed to phones. The presenter pushes HLS over HTTP PUT with a secret stream
-- key; Tongxin keeps every segment (for the replay), serves the live playlist and segments to the audience, counts
-- watch time from the players' heartbeats, and keeps the chat and questions with the session.

CREATE TABLE live_session
(
  id                   BIGSERIAL PRIMARY KEY,
  title                TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  description          TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  host_unit_id         BIGINT      NOT NULL,
  -- The presenter's and organiser's accounts: the two who may see the stream key.
  presenter_account_id BIGINT      NOT NULL,
  organiser_account_id BIGINT      NOT NULL,
  starts_at            TIMESTAMPTZ NOT NULL,
  ends_at              TIMESTAMPTZ NOT NULL,
  audience             TEXT        NOT NULL CHECK (audience IN ('SUBTREE', 'OFFICERS', 'LIST', 'PUBLIC')),
  -- The subtree whose employees (SUBTREE) or officers (OFFICERS) are invited.
  audience_unit_id     BIGINT,
  course_id            BIGINT,
  -- Share of the scheduled length a person must watch for the session to count as attended (and toward the course).
  attend_percent       INT         NOT NULL DEFAULT 80 CHECK (attend_percent BETWEEN 10 AND 100),
  cover_key            TEXT,
  -- The key is shown to the organiser and presenter (encrypted at rest) and looked up by its SHA-256 on ingest.
  stream_key_encrypted TEXT        NOT NULL,
  stream_key_hash      TEXT        NOT NULL UNIQUE,
  state                TEXT        NOT NULL DEFAULT 'SCHEDULED' CHECK (state IN ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
  went_live_at         TIMESTAMPTZ,
  ended_at             TIMESTAMPTZ,
  last_ingest_at       TIMESTAMPTZ,
  -- The live playlist as last received, with segment addresses rewritten to ours (null before the first push).
  live_playlist        TEXT,
  -- The playlist as the encoder sent it: rewritten again when a segment it names arrives after it.
  live_playlist_source TEXT,
  -- Replay segments are kept until then (null: no replay, or not ended yet).
  replay_until         TIMESTAMPTZ,
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK ((audience IN ('SUBTREE', 'OFFICERS')) = (audience_unit_id IS NOT NULL)),
  CHECK ((state = 'ENDED') = (ended_at IS NOT NULL))
);
CREATE INDEX live_session_starts_idx ON live_session (starts_at);
CREATE INDEX live_session_unit_idx ON live_session (host_unit_id);

-- The people of a LIST audience.
CREATE TABLE live_invitee
(
  session_id  BIGINT NOT NULL REFERENCES live_session (id),
  employee_id BIGINT NOT NULL,
  PRIMARY KEY (session_id, employee_id)
);

-- Every segment received, in order; stored under its own id, so an encoder that restarts and reuses names never
-- overwrites what viewers or the replay already have.
CREATE TABLE live_segment
(
  id          BIGSERIAL PRIMARY KEY,
  session_id  BIGINT      NOT NULL REFERENCES live_session (id),
  name        TEXT        NOT NULL,
  extension   TEXT        NOT NULL CHECK (extension IN ('ts', 'm4s', 'mp4')),
  bytes       BIGINT      NOT NULL,
  -- From the #EXTINF of the playlist that listed it (null until a playlist has).
  duration_ms INT,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX live_segment_session_idx ON live_segment (session_id, name, id DESC);

-- Watch time per person and mode, credited from heartbeats (each claims the time played since the last one,
-- capped by the time that really passed since this person's last credit, so two devices never count twice).
CREATE TABLE live_watch
(
  session_id     BIGINT      NOT NULL REFERENCES live_session (id),
  employee_id    BIGINT      NOT NULL,
  mode           TEXT        NOT NULL CHECK (mode IN ('LIVE', 'REPLAY')),
  watched_ms     BIGINT      NOT NULL DEFAULT 0 CHECK (watched_ms >= 0),
  first_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_credit_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, employee_id, mode)
);

-- Chat and questions, kept with the session. Every insert or change takes the next change number, so that each
-- node's chat feed sends viewers what changed since the number they last saw (also after a reconnect).
CREATE SEQUENCE live_message_change_seq;
CREATE TABLE live_message
(
  id          BIGSERIAL PRIMARY KEY,
  change_no   BIGINT      NOT NULL DEFAULT nextval('live_message_change_seq'),
  session_id  BIGINT      NOT NULL REFERENCES live_session (id),
  account_id  BIGINT      NOT NULL,
  author_name TEXT        NOT NULL,
  body        TEXT        NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 300),
  question    BOOLEAN     NOT NULL DEFAULT false,
  answered    BOOLEAN     NOT NULL DEFAULT false,
  hidden      BOOLEAN     NOT NULL DEFAULT false,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX live_message_session_idx ON live_message (session_id, change_no);

CREATE TABLE live_upvote
(
  message_id BIGINT NOT NULL REFERENCES live_message (id),
  account_id BIGINT NOT NULL,
  PRIMARY KEY (message_id, account_id)
);

CREATE TABLE live_mute
(
  session_id BIGINT      NOT NULL REFERENCES live_session (id),
  account_id BIGINT      NOT NULL,
  muted_by   BIGINT      NOT NULL,
  muted_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, account_id)
);
