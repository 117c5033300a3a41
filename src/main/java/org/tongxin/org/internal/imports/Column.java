package org.tongxin.org.internal.imports;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The columns of an HR file. Headers are matched in Chinese or English, in any order. */
public enum Column {
    EMPLOYEE_NO("工号", "employee_no"),
    NAME("姓名", "name"),
    GENDER("性别", "gender"),
    BIRTH_DATE("出生日期", "birth_date"),
    PHONE("手机号", "phone"),
    ID_CARD("身份证号", "id_card"),
    DEPARTMENT("部门编码", "department_code"),
    HIRE_DATE("入职日期", "hire_date"),
    JOB_TITLE("岗位", "job_title"),
    STATUS("状态", "status");

    private static final Map<String, Column> BY_HEADER = Stream.of(values())
            .flatMap(c -> Stream.of(Map.entry(c.chinese, c), Map.entry(c.english, c)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String chinese;
    private final String english;

    Column(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    /** i18n key naming the field in the error report. */
    public String messageKey() {
        return "import.field." + name();
    }

    public static Optional<Column> forHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip().replace("\uFEFF", "");
        Column c = BY_HEADER.get(h);
        return Optional.ofNullable(c != null ? c : BY_HEADER.get(h.toLowerCase(Locale.ROOT)));
    }
}
