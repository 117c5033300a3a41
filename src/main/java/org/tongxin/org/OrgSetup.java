package org.tongxin.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.internal.Departments;
import org.tongxin.org.internal.OrgUnits;
import org.tongxin.org.internal.imports.Column;
import org.tongxin.org.internal.imports.EmployeeImporter;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.TableRow;

/**
 * System-level set-up of the tree for the first start and the demo enterprise: no officer scope is
 * checked here, so only start-up code calls it. Officers change the tree through the unit pages.
 */
@Service
public class OrgSetup {

    /** An employee as HR delivers it, one text value per import column. */
    public record HrRow(String employeeNo, String name, String gender, String birthDate, String phone, String idCard,
                        String departmentCode, String hireDate, String jobTitle, String status) {
    }

    private final OrgUnits units;
    private final Departments departments;
    private final EmployeeImporter importer;

    OrgSetup(OrgUnits units, Departments departments, EmployeeImporter importer) {
        this.units = units;
        this.departments = departments;
        this.importer = importer;
    }

    @Transactional
    public OrgUnit createUnit(Long parentId, String name, UnitKind kind) {
        units.lockTree();
        OrgUnit parent = parentId == null ? null : units.find(parentId).orElseThrow();
        return units.create(parent, null, name, kind);
    }

    @Transactional
    public OrgUnit createPartner(long besideId, String name, UnitKind kind) {
        units.lockTree();
        return units.create(null, units.find(besideId).orElseThrow(), name, kind);
    }

    @Transactional
    public long createDepartment(String code, String name, long unitId) {
        return departments.create(code, name, unitId).id();
    }

    /** Imports employees through the same checks as an uploaded file; fails when any row is bad. */
    @Transactional
    public void importEmployees(Viewer actor, String source, List<HrRow> rows) {
        List<TableRow<Column>> raw = new ArrayList<>(rows.size());
        int line = 2;
        for (HrRow r : rows) {
            raw.add(new TableRow<>(line++, Map.of(Column.EMPLOYEE_NO, r.employeeNo(), Column.NAME, r.name(),
                    Column.GENDER, r.gender(), Column.BIRTH_DATE, r.birthDate(), Column.PHONE, r.phone(),
                    Column.ID_CARD, r.idCard(), Column.DEPARTMENT, r.departmentCode(), Column.HIRE_DATE, r.hireDate(),
                    Column.JOB_TITLE, r.jobTitle(), Column.STATUS, r.status())));
        }
        EmployeeImporter.Outcome outcome = importer.importRows(actor, source, raw);
        if (!outcome.imported()) {
            throw new IllegalStateException(source + ": " + outcome.badRows() + " bad rows; nothing imported");
        }
    }

    /**
     * The headcount of each unit at the start of each of the {@code months} months before this one, from the hire
     * dates of the employees on the books now: a history for a fresh installation's figures (the demo), where HR
     * imports of those months never ran. Months already recorded are left as they are.
     */
    @Transactional
    public void recordHeadcountHistory(int months) {
        units.recordHeadcountHistory(months);
    }
}
