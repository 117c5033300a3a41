-- Reading statistics read loans by room (a room's dashboard: loans per month, most borrowed, active readers) and by
-- copy (who else read a title, counted, never named); V13 only indexed open loans by copy.
CREATE INDEX library_loan_room_idx ON library_loan (room_id, borrowed_at);
CREATE INDEX library_loan_copy_idx ON library_loan (copy_id);
