-- org: employees on the books (active or on leave) per union unit, directly in its departments.
CREATE TABLE unit_stats
(
  unit_id   BIGINT PRIMARY KEY REFERENCES org_unit (id),
  employees INT NOT NULL DEFAULT 0 CHECK (employees >= 0)
);
INSERT INTO unit_stats (unit_id, employees)
SELECT d.unit_id, count(*) FILTER (WHERE e.status IN ('ACTIVE', 'LEAVE'))
FROM department d LEFT JOIN employee e ON e.department_id = d.id
GROUP BY d.unit_id;
