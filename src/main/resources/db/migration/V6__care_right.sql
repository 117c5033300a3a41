-- The care right (关怀权限): an officer's grant to read and act on the care cases, talks and hardship aid of
-- the people of one of their units. Held for a unit, like the officer post it goes with.
ALTER TABLE role_grant
  DROP CONSTRAINT role_grant_role_check,
  DROP CONSTRAINT role_grant_check,
  ADD CONSTRAINT role_grant_role_check CHECK (role IN ('OFFICER', 'CARE', 'COMMITTEE', 'ADMIN')),
  ADD CONSTRAINT role_grant_unit_check CHECK ((role IN ('OFFICER', 'CARE')) = (unit_id IS NOT NULL));
-- Until now every officer of the chain read care cases: keep it so for the officers already appointed, and
-- let the admin narrow it; new officers get the right only when it is granted.
INSERT INTO role_grant (account_id, role, unit_id)
SELECT account_id, 'CARE', unit_id FROM role_grant WHERE role = 'OFFICER'
ON CONFLICT DO NOTHING;
