-- Bumped with every grant change so that signed-in sessions pick up new or revoked rights at once.
ALTER TABLE account ADD COLUMN grants_version INT NOT NULL DEFAULT 0;
