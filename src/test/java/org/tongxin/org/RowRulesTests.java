package org.tongxin.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tongxin.org.internal.imports.Column;
import org.tongxin.org.internal.imports.RowError;
import org.tongxin.org.internal.imports.RowRules;
import org.tongxin.shared.table.TableRow;

class RowRulesTests {

    private final RowRules rules = new RowRules(code -> code.equals("D1") ? Optional.of(7L) : Optional.empty(),
            LocalDate.of(2026, 11, 1));

    private static Map<Column, String> good() {
        Map<Column, String> v = new EnumMap<>(Column.class);
        v.put(Column.EMPLOYEE_NO, "100001");
        v.put(Column.NAME, "张伟");
        v.put(Column.GENDER, "女");
        v.put(Column.BIRTH_DATE, "1949/12/31");
        v.put(Column.PHONE, "138 1234 5678");
        v.put(Column.ID_CARD, "11010519491231002x");
        v.put(Column.DEPARTMENT, "D1");
        v.put(Column.HIRE_DATE, "19700701");
        v.put(Column.JOB_TITLE, "收费员");
        v.put(Column.STATUS, "在职");
        return v;
    }

    private RowRules.Result check(Column column, String value) {
        Map<Column, String> v = good();
        v.put(column, value);
        return rules.check(new TableRow<>(5, v));
    }

    @Test
    void aGoodRowIsNormalised() {
        RowRules.Result r = rules.check(new TableRow<>(2, good()));
        assertThat(r.errors()).isEmpty();
        assertThat(r.data().phone()).isEqualTo("13812345678");
        assertThat(r.data().idCard()).isEqualTo("11010519491231002X");
        assertThat(r.data().gender()).isEqualTo("F");
        assertThat(r.data().departmentId()).isEqualTo(7L);
        assertThat(r.data().status()).isEqualTo(EmployeeStatus.ACTIVE);
    }

    @Test
    void everyRequiredFieldIsNamedWhenMissing() {
        for (Column c : Column.values()) {
            RowRules.Result r = check(c, " ");
            assertThat(r.errors()).as(c.name())
                    .contains(new RowError(5, c, "import.error.required", ""));
        }
    }

    @Test
    void badValuesAreReportedWithTheirField() {
        assertThat(check(Column.PHONE, "1234567").errors()).extracting(RowError::column).containsExactly(Column.PHONE);
        assertThat(check(Column.ID_CARD, "110105194912310021").errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.idCard");
        assertThat(check(Column.DEPARTMENT, "D9").errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.department");
        assertThat(check(Column.GENDER, "x").errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.gender");
        assertThat(check(Column.STATUS, "在岗").errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.status");
        assertThat(check(Column.HIRE_DATE, "2026-02-30").errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.date");
        assertThat(check(Column.EMPLOYEE_NO, "10 01").errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.employeeNo");
    }

    @Test
    void idCardMustAgreeWithBirthDateAndGender() {
        assertThat(check(Column.BIRTH_DATE, "1949-12-30").errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.idCardBirth");
        assertThat(check(Column.GENDER, "男").errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.idCardGender");
    }

    @Test
    void datesMustBePlausible() {
        assertThat(check(Column.HIRE_DATE, "2027-01-01").errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.hireFuture");
        assertThat(check(Column.HIRE_DATE, "1960-01-01").errors()).extracting(RowError::messageKey)
                .containsExactly("import.error.hireTooYoung");
    }
}
