package org.tongxin.org.internal.imports;

import org.tongxin.shared.table.TableColumn;

/** The columns of an HR file. Headers are matched in Chinese or English, in any order. */
public enum Column implements TableColumn {
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

    private final String chinese;
    private final String english;

    Column(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    @Override
    public String english() {
        return english;
    }

    /** i18n key naming the field in the error report. */
    public String messageKey() {
        return "import.field." + name();
    }
}
