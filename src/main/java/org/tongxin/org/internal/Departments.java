package org.tongxin.org.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.org.Department;

/** Departments of the enterprise. */
@Repository
public class Departments {

    private final JdbcClient jdbc;

    Departments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Department create(String code, String name, long unitId) {
        long id = jdbc.sql("INSERT INTO department (code, name, unit_id) VALUES (?, ?, ?) RETURNING id")
                .params(code, name, unitId).query(Long.class).single();
        return new Department(id, code, name, unitId);
    }

    public Optional<Department> find(long id) {
        return jdbc.sql("SELECT id, code, name, unit_id FROM department WHERE id = ?").param(id)
                .query(Department.class).optional();
    }

    public void moveTo(long departmentId, long unitId) {
        jdbc.sql("UPDATE department SET unit_id = ? WHERE id = ?").params(unitId, departmentId).update();
    }

    /** Employees on the books in the department. */
    public List<Long> currentEmployees(long departmentId) {
        return jdbc.sql("SELECT id FROM employee WHERE department_id = ? AND status IN ('ACTIVE', 'LEAVE')")
                .param(departmentId).query(Long.class).list();
    }

    public Optional<Department> byCode(String code) {
        return jdbc.sql("SELECT id, code, name, unit_id FROM department WHERE code = ?").param(code)
                .query(Department.class).optional();
    }

    public List<Department> all() {
        return jdbc.sql("SELECT id, code, name, unit_id FROM department ORDER BY code").query(Department.class).list();
    }

    public List<Department> ofUnit(long unitId) {
        return jdbc.sql("SELECT id, code, name, unit_id FROM department WHERE unit_id = ? ORDER BY code")
                .param(unitId).query(Department.class).list();
    }
}
