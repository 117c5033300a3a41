-- Reminders that go out once across nodes (issue 11): each mark is set in the same statement that claims the row
-- (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING …), in the transaction that publishes the notice.

-- The day before an activity starts, everyone holding a seat. Cleared when the activity's start moves.
ALTER TABLE activity_registration ADD COLUMN reminded_at TIMESTAMPTZ;
CREATE INDEX activity_registration_remind_idx ON activity_registration (activity_id)
  WHERE status = 'ACTIVE' AND reminded_at IS NULL;

-- Shortly before a care case's first talk falls due, and before its planned follow-up: the follow-up mark is the
-- date reminded of, so a new plan date is reminded again (like follow_up_escalated_on).
ALTER TABLE care_case
  ADD COLUMN first_contact_reminded_at TIMESTAMPTZ,
  ADD COLUMN follow_up_reminded_on     DATE;
CREATE INDEX care_case_first_contact_idx ON care_case (first_contact_due)
  WHERE status = 'OPEN' AND first_contact_on IS NULL;
