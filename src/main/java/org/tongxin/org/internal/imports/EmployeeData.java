package org.tongxin.org.internal.imports;

import java.time.LocalDate;
import org.tongxin.org.EmployeeStatus;

/** A row that passed every rule, normalised: gender M/F, ID card upper-case, department resolved. */
public record EmployeeData(int line, String employeeNo, String name, String gender, LocalDate birthDate, String phone,
                           String idCard, long departmentId, LocalDate hireDate, String jobTitle,
                           EmployeeStatus status) {

    /** The fields that define the record, in a fixed order: equal fingerprints mean nothing changed. */
    public String fingerprint() {
        return String.join("\u001F", employeeNo, name, gender, birthDate.toString(), phone, idCard,
                Long.toString(departmentId), hireDate.toString(), jobTitle, status.name());
    }
}
