-- live, operations: the reminder sent once before a session starts, the mark that someone attended (so the event
-- that counts it toward a course is published once), and training's lessons of kind LIVE.

-- Set in the same statement that claims the session for its reminder: two nodes never both send it.
ALTER TABLE live_session ADD COLUMN reminded_at TIMESTAMPTZ;
CREATE INDEX live_session_remind_idx ON live_session (starts_at) WHERE reminded_at IS NULL;

-- The first time a person's watch time (live and replay together) reached the session's share. Inserted with the
-- heartbeat that reached it; the primary key makes it, and the LiveAttended event published with it, happen once.
CREATE TABLE live_attended
(
  session_id  BIGINT      NOT NULL REFERENCES live_session (id),
  employee_id BIGINT      NOT NULL,
  attended_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (session_id, employee_id)
);

-- training: a course may contain a live session as a lesson. It is added when a session is scheduled to count
-- toward the course, removed if the session is cancelled, and completed for a person when they attended.
ALTER TABLE training_lesson ADD COLUMN live_session_id BIGINT;
ALTER TABLE training_lesson DROP CONSTRAINT training_lesson_kind_check;
ALTER TABLE training_lesson ADD CONSTRAINT training_lesson_kind_check
  CHECK (kind IN ('TEXT', 'PDF', 'VIDEO', 'LIVE'));
ALTER TABLE training_lesson DROP CONSTRAINT training_lesson_check;
ALTER TABLE training_lesson ADD CONSTRAINT training_lesson_file_check
  CHECK ((kind IN ('TEXT', 'LIVE')) = (file_key IS NULL));
ALTER TABLE training_lesson ADD CONSTRAINT training_lesson_live_check
  CHECK ((kind = 'LIVE') = (live_session_id IS NOT NULL));
CREATE UNIQUE INDEX training_lesson_live_idx ON training_lesson (live_session_id) WHERE live_session_id IS NOT NULL;
