-- Every period of a member, in order: the insight rebuild replays membership history a page of members at a time,
-- and without this index each page hashed the whole period table (123 ms a page at a million members).
CREATE INDEX membership_period_member_idx ON membership_period (member_id, started_on, id);
