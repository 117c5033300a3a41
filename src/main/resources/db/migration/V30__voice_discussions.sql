-- voice: moderated discussions (交流探讨). Officers open a topic for a unit; the employees of its subtree post, reply
-- (one level) and like; the unit's officers hide posts, lock and close topics, and review posts held for a listed
-- sensitive word (敏感词).
CREATE TABLE voice_topic
(
  id          BIGSERIAL PRIMARY KEY,
  -- The audience is the employees of this unit's subtree; its officers (and those above) moderate.
  unit_id     BIGINT      NOT NULL,
  title       TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 100),
  intro       TEXT        NOT NULL DEFAULT '' CHECK (length(intro) <= 3000),
  -- After this day nobody posts any more (the topic reads as closed).
  closes_on   DATE,
  state       TEXT        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'LOCKED', 'CLOSED')),
  created_by  BIGINT      NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX voice_topic_unit_idx ON voice_topic (unit_id);

CREATE TABLE voice_post
(
  id             BIGSERIAL PRIMARY KEY,
  topic_id       BIGINT      NOT NULL REFERENCES voice_topic (id),
  -- Null for a post; a reply's parent is a post (never a reply) of the same topic, which the key below enforces:
  -- a reply refers to (parent, topic, true) and only posts carry true in is_post.
  parent_id      BIGINT,
  is_post        BOOLEAN     NOT NULL GENERATED ALWAYS AS (parent_id IS NULL) STORED,
  parent_is_post BOOLEAN     NOT NULL DEFAULT true CHECK (parent_is_post),
  author_id      BIGINT      NOT NULL,
  body           TEXT        NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 1000),
  -- HELD: a listed word was found; only its author and the moderators see it until approved (VISIBLE) or rejected.
  status         TEXT        NOT NULL CHECK (status IN ('VISIBLE', 'HELD', 'REJECTED')),
  held_words     TEXT[]      NOT NULL DEFAULT '{}',
  reviewed_by    BIGINT,
  reviewed_at    TIMESTAMPTZ,
  reject_reason  TEXT CHECK (length(reject_reason) BETWEEN 1 AND 300),
  -- Hidden by a moderator: kept, shown to moderators (and its author) as hidden, to nobody else.
  hidden         BOOLEAN     NOT NULL DEFAULT false,
  hidden_by      BIGINT,
  hidden_at      TIMESTAMPTZ,
  -- Kept by the trigger on voice_post_like, for the most-liked order.
  likes          INT         NOT NULL DEFAULT 0 CHECK (likes >= 0),
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (id, topic_id, is_post),
  FOREIGN KEY (parent_id, topic_id, parent_is_post) REFERENCES voice_post (id, topic_id, is_post),
  CHECK ((status = 'REJECTED') = (reject_reason IS NOT NULL)),
  -- A post with a listed word is visible only once a moderator approved it.
  CHECK (status <> 'VISIBLE' OR cardinality(held_words) = 0 OR reviewed_by IS NOT NULL),
  CHECK (status <> 'HELD' OR cardinality(held_words) > 0),
  CHECK (hidden = (hidden_by IS NOT NULL))
);
CREATE INDEX voice_post_new_idx ON voice_post (topic_id, created_at DESC, id DESC) WHERE parent_id IS NULL;
CREATE INDEX voice_post_liked_idx ON voice_post (topic_id, likes DESC, id DESC) WHERE parent_id IS NULL;
CREATE INDEX voice_post_reply_idx ON voice_post (parent_id, id) WHERE parent_id IS NOT NULL;
-- The rate limit counts a person's recent posts.
CREATE INDEX voice_post_author_idx ON voice_post (author_id, created_at);
CREATE INDEX voice_post_held_idx ON voice_post (topic_id, id) WHERE status = 'HELD';

-- One like per person and post; taking it back deletes the row.
CREATE TABLE voice_post_like
(
  post_id     BIGINT      NOT NULL REFERENCES voice_post (id),
  employee_id BIGINT      NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, employee_id)
);

CREATE FUNCTION voice_post_like_count() RETURNS trigger AS
$$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE voice_post SET likes = likes + 1 WHERE id = NEW.post_id;
  ELSE
    UPDATE voice_post SET likes = likes - 1 WHERE id = OLD.post_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER voice_post_like_counted AFTER INSERT OR DELETE ON voice_post_like
  FOR EACH ROW EXECUTE FUNCTION voice_post_like_count();

-- The sensitive words (敏感词), kept by the committee, each in the form matched: NFKC, lower case, letters and digits
-- only (SensitiveWords.normalise). A few neutral placeholders for advertising and spam to start with.
CREATE TABLE voice_sensitive_word
(
  word     TEXT        PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 30),
  added_by BIGINT,
  added_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO voice_sensitive_word (word)
VALUES ('加微信'), ('加v'), ('代开发票'), ('刷单返利'), ('兼职日结'), ('免费领取'), ('扫码领红包'), ('低息贷款'),
       ('代办信用卡'), ('网赚');
