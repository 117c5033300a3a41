-- Officer selection (工会干部选拔): the candidates an officer has marked, kept per officer's account. A mark is
-- the officer's own working list; it is not shown to anyone else and never ranks people.
CREATE TABLE training_shortlist
(
  account_id  BIGINT      NOT NULL,
  employee_id BIGINT      NOT NULL,
  added_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, employee_id)
);
