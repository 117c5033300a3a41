package org.tongxin.org.internal;

import java.time.LocalDate;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.shared.crypto.Mask;

/**
 * An employee with personal fields decrypted. Only ever handed to pages that check the viewer's scope;
 * the masked accessors are what such pages show until a reveal is asked for (and audited).
 */
public record EmployeeRecord(long id, String employeeNo, String name, String gender, LocalDate birthDate, String phone,
                             String idCard, long departmentId, String departmentName, long unitId, String unitName,
                             String unitPath, LocalDate hireDate, String jobTitle, EmployeeStatus status) {

    public String maskedPhone() {
        return Mask.phone(phone);
    }

    public String maskedIdCard() {
        return Mask.idCard(idCard);
    }
}
