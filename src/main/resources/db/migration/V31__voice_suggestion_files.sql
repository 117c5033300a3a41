-- Attachments of a suggestion (pictures re-encoded without camera data, PDFs without their author fields, sealed),
-- added with it and never replaced. The file's own name is not kept: for an anonymous suggestion it could name the
-- person, so pages call them 附件 1, 2 …
CREATE TABLE voice_suggestion_file
(
  id            BIGSERIAL PRIMARY KEY,
  suggestion_id BIGINT NOT NULL REFERENCES voice_suggestion (id),
  position      INT    NOT NULL CHECK (position BETWEEN 1 AND 5),
  kind          TEXT   NOT NULL CHECK (kind IN ('PICTURE', 'PDF')),
  file_key      TEXT   NOT NULL,
  thumb_key     TEXT,
  bytes         BIGINT NOT NULL CHECK (bytes > 0),
  UNIQUE (suggestion_id, position),
  CHECK ((kind = 'PICTURE') = (thumb_key IS NOT NULL))
);
