-- When a person who has not passed an assessment was reminded that it closes soon (once per person and assessment;
-- the reminder job claims unreminded rows with SKIP LOCKED and marks them in the same statement).
ALTER TABLE training_assessee ADD COLUMN reminded_at TIMESTAMPTZ;
