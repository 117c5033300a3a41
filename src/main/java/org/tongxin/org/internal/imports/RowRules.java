package org.tongxin.org.internal.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.IdCardNumber;
import org.tongxin.shared.table.TableDates;
import org.tongxin.shared.table.TableRow;

/**
 * The rules a single HR row must meet on its own. Rules that look across rows (duplicates in the file)
 * or at the database (a phone already used by someone else) are checked by {@link EmployeeImporter}.
 *
 * @param departments resolves a department code to its id, empty when unknown
 */
public record RowRules(Function<String, Optional<Long>> departments, LocalDate today) {

    static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Map<String, String> GENDERS = Map.of("男", "M", "女", "F", "M", "M", "F", "F",
            "MALE", "M", "FEMALE", "F");
    private static final Map<String, EmployeeStatus> STATUSES = Map.of("在职", EmployeeStatus.ACTIVE,
            "休假", EmployeeStatus.LEAVE, "长期休假", EmployeeStatus.LEAVE, "离职", EmployeeStatus.LEFT,
            "退休", EmployeeStatus.RETIRED);

    /** Outcome for one row: either data or at least one error. */
    public record Result(EmployeeData data, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Result check(TableRow<Column> row) {
        List<RowError> errors = new ArrayList<>();
        int line = row.line();

        String no = row.get(Column.EMPLOYEE_NO);
        if (required(row, Column.EMPLOYEE_NO, errors) && !EMPLOYEE_NO.matcher(no).matches()) {
            errors.add(new RowError(line, Column.EMPLOYEE_NO, "import.error.employeeNo", no));
        }
        String name = row.get(Column.NAME);
        if (required(row, Column.NAME, errors) && name.length() > 50) {
            errors.add(new RowError(line, Column.NAME, "import.error.tooLong", name));
        }
        String gender = null;
        if (required(row, Column.GENDER, errors)) {
            gender = GENDERS.get(row.get(Column.GENDER).toUpperCase(Locale.ROOT));
            if (gender == null) {
                errors.add(new RowError(line, Column.GENDER, "import.error.gender", row.get(Column.GENDER)));
            }
        }
        LocalDate birth = date(row, Column.BIRTH_DATE, errors);
        String phone = normalisePhone(row.get(Column.PHONE));
        if (required(row, Column.PHONE, errors) && !MOBILE.matcher(phone).matches()) {
            errors.add(new RowError(line, Column.PHONE, "import.error.phone", row.get(Column.PHONE)));
        }
        String idCard = row.get(Column.ID_CARD).toUpperCase(Locale.ROOT);
        boolean idValid = false;
        if (required(row, Column.ID_CARD, errors)) {
            idValid = IdCardNumber.isValid(idCard);
            if (!idValid) {
                errors.add(new RowError(line, Column.ID_CARD, "import.error.idCard", idCard));
            }
        }
        Long department = null;
        if (required(row, Column.DEPARTMENT, errors)) {
            department = departments.apply(row.get(Column.DEPARTMENT)).orElse(null);
            if (department == null) {
                errors.add(new RowError(line, Column.DEPARTMENT, "import.error.department", row.get(Column.DEPARTMENT)));
            }
        }
        LocalDate hire = date(row, Column.HIRE_DATE, errors);
        String job = row.get(Column.JOB_TITLE);
        if (required(row, Column.JOB_TITLE, errors) && job.length() > 50) {
            errors.add(new RowError(line, Column.JOB_TITLE, "import.error.tooLong", job));
        }
        EmployeeStatus status = null;
        if (required(row, Column.STATUS, errors)) {
            status = status(row.get(Column.STATUS));
            if (status == null) {
                errors.add(new RowError(line, Column.STATUS, "import.error.status", row.get(Column.STATUS)));
            }
        }

        if (birth != null) {
            if (birth.isAfter(today.minusYears(16)) || birth.isBefore(today.minusYears(100))) {
                errors.add(new RowError(line, Column.BIRTH_DATE, "import.error.birthRange", birth.toString()));
            } else if (idValid && !IdCardNumber.birthDate(idCard).orElseThrow().equals(birth)) {
                errors.add(new RowError(line, Column.ID_CARD, "import.error.idCardBirth", idCard));
            }
        }
        if (idValid && gender != null && !IdCardNumber.gender(idCard).equals(gender)) {
            errors.add(new RowError(line, Column.ID_CARD, "import.error.idCardGender", idCard));
        }
        if (hire != null) {
            if (hire.isAfter(today)) {
                errors.add(new RowError(line, Column.HIRE_DATE, "import.error.hireFuture", hire.toString()));
            } else if (birth != null && hire.isBefore(birth.plusYears(16))) {
                errors.add(new RowError(line, Column.HIRE_DATE, "import.error.hireTooYoung", hire.toString()));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new EmployeeData(line, no, name, gender, birth, phone, idCard, department, hire, job, status),
                List.of());
    }

    /** Phones are written with spaces or dashes in HR files; the digits are what counts. */
    public static String normalisePhone(String phone) {
        return phone.replace(" ", "").replace("-", "");
    }

    private static boolean required(TableRow<Column> row, Column column, List<RowError> errors) {
        if (row.get(column).isEmpty()) {
            errors.add(new RowError(row.line(), column, "import.error.required", ""));
            return false;
        }
        return true;
    }

    private static LocalDate date(TableRow<Column> row, Column column, List<RowError> errors) {
        if (!required(row, column, errors)) {
            return null;
        }
        String text = row.get(column);
        Optional<LocalDate> date = TableDates.parse(text);
        if (date.isEmpty()) {
            errors.add(new RowError(row.line(), column, "import.error.date", text));
        }
        return date.orElse(null);
    }

    private static EmployeeStatus status(String text) {
        EmployeeStatus s = STATUSES.get(text);
        if (s != null) {
            return s;
        }
        try {
            return EmployeeStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
