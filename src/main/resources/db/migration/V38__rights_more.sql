-- rights, continued: reminders sent once (claimed and marked in one statement), who called off a legal-aid
-- consultation, and the database's own guard on the mediation extension and on what a published letter needs.

-- A reminder to the mediation committee three days before the limit; cleared when the limit is extended.
ALTER TABLE rights_mediation ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
-- 延长期限不超过十五日, once, and only with its reason.
ALTER TABLE rights_mediation ADD CONSTRAINT rights_mediation_extension_check
  CHECK (extended_days <= 15 AND (extended_days = 0) = (extension_reason IS NULL));
ALTER TABLE rights_mediation ADD CONSTRAINT rights_mediation_outcome_check
  CHECK (status <> 'AGREED' OR outcome_enc IS NOT NULL);
CREATE INDEX rights_mediation_open_idx ON rights_mediation (accepted_on) WHERE status = 'OPEN';
CREATE INDEX rights_mediation_applicant_idx ON rights_mediation (applicant_id, id DESC);

-- Who called a consultation off: the employee or the desk (the desk gives its reason in outcome_enc).
ALTER TABLE rights_legal_aid ADD COLUMN cancelled_by TEXT CHECK (cancelled_by IN ('EMPLOYEE', 'DESK'));
ALTER TABLE rights_legal_aid ADD CONSTRAINT rights_legal_aid_cancel_check
  CHECK ((status = 'CANCELLED') = (cancelled_by IS NOT NULL));
ALTER TABLE rights_legal_aid ADD CONSTRAINT rights_legal_aid_done_check
  CHECK (status <> 'DONE' OR outcome_enc IS NOT NULL);
CREATE INDEX rights_legal_aid_person_idx ON rights_legal_aid (employee_id, id DESC);
CREATE INDEX rights_legal_aid_open_idx ON rights_legal_aid (id) WHERE status IN ('REQUESTED', 'BOOKED');

-- A reminder to the chair's office the working day before a letter's answer is due.
ALTER TABLE rights_letter ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE rights_letter ADD CONSTRAINT rights_letter_answer_check
  CHECK ((status = 'ANSWERED') = (answer_enc IS NOT NULL AND answered_at IS NOT NULL));
ALTER TABLE rights_letter ADD CONSTRAINT rights_letter_public_answer_check
  CHECK (published_at IS NULL OR public_answer IS NOT NULL);
CREATE INDEX rights_letter_person_idx ON rights_letter (employee_id, id DESC);
CREATE INDEX rights_letter_published_idx ON rights_letter (published_at DESC) WHERE published_at IS NOT NULL;
