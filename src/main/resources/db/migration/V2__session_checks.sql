-- Checked on every request of a signed-in session: grants_version moves with every grant change (the
-- session's rights are rebuilt), session_stamp with every password change or reset (other sessions end).
ALTER TABLE account ADD COLUMN grants_version INT NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN session_stamp INT NOT NULL DEFAULT 0;
