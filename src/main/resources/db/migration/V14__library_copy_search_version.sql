-- Search filters on "available now", which changes with every loan and return. Renumbering the title (as V13 does
-- for copies added, moved or lost) would make each loan lock the title's row after the copy's, the reverse of the
-- order returns, holds and retirements take them in. So a copy carries its own number from the same sequence: a
-- change of status or room takes a new one on the copy's row, already locked by whoever changes it, and each node's
-- index re-reads the titles of copies numbered above the highest it has seen.
ALTER TABLE library_copy ADD COLUMN search_version BIGINT NOT NULL DEFAULT nextval('library_search_seq');
CREATE INDEX library_copy_search_version_idx ON library_copy (search_version);

CREATE FUNCTION library_copy_renumbered() RETURNS trigger AS
$$
BEGIN
  NEW.search_version := nextval('library_search_seq');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER library_copy_renumbered
  BEFORE UPDATE OF status, room_id ON library_copy
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.room_id IS DISTINCT FROM NEW.room_id)
  EXECUTE FUNCTION library_copy_renumbered();
