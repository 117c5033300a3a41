-- care: restructuring projects, where a move lands, reclassification by officers, case owners and follow-up plans.
ALTER TABLE restructuring
  ADD COLUMN note       TEXT,
  ADD COLUMN created_by BIGINT,
  ADD COLUMN created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now();
CREATE UNIQUE INDEX restructuring_name_idx ON restructuring (lower(trim(name)));

-- to_unit_id: the union unit of the department the employee moves into, when HR names a known department.
-- The reason an officer gives for correcting HR's classification often says why the move hurts: encrypted.
ALTER TABLE care_move RENAME COLUMN reclassify_note TO reclassify_note_enc;
ALTER TABLE care_move
  ADD COLUMN to_unit_id         BIGINT,
  ADD COLUMN original_direction TEXT CHECK (original_direction IN ('UP', 'LATERAL', 'DOWN', 'OUT')),
  ADD COLUMN reclassified_by    BIGINT,
  ADD COLUMN reclassified_at    TIMESTAMP WITH TIME ZONE,
  ADD CONSTRAINT care_move_reclassified_check
    CHECK ((reclassified_by IS NULL) = (reclassify_note_enc IS NULL)
      AND (reclassified_by IS NULL) = (original_direction IS NULL));
-- One move per person per day: the same HR file uploaded twice must not open a second case.
CREATE UNIQUE INDEX care_move_once_idx ON care_move (employee_id, moved_on);
CREATE INDEX care_move_unit_idx ON care_move (unit_id, moved_on);
CREATE INDEX care_move_to_unit_idx ON care_move (to_unit_id) WHERE to_unit_id IS NOT NULL;

-- The plan is personal (what the person needs, what was promised): encrypted like the notes.
ALTER TABLE care_case
  ADD COLUMN owner_employee_id      BIGINT,
  ADD COLUMN plan_enc               TEXT,
  ADD COLUMN follow_up_due          DATE,
  ADD COLUMN follow_up_escalated_on DATE;
CREATE INDEX care_case_follow_up_idx ON care_case (follow_up_due) WHERE status = 'OPEN';
