-- Pictures of a text lesson, numbered in the order they were uploaded. The lesson's plain text places picture n
-- where a line reads [图n] (or [image n]); pictures the text does not place follow it. No markup from users.
CREATE TABLE training_lesson_picture
(
  lesson_id BIGINT NOT NULL REFERENCES training_lesson (id),
  number    INT    NOT NULL CHECK (number BETWEEN 1 AND 20),
  image_key TEXT   NOT NULL,
  PRIMARY KEY (lesson_id, number)
);
