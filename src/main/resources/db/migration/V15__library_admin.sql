-- The officers' lists of a reading room: copies whose home it is (and those added on a day, for label sheets), and
-- its open loans by due date (the overdue list and the room's figures), without reading every copy or loan.
CREATE INDEX library_copy_home_idx ON library_copy (home_room_id, added_at);
CREATE INDEX library_loan_room_open_idx ON library_loan (room_id, due_at) WHERE returned_at IS NULL;
