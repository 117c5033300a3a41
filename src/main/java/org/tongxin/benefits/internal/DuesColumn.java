package org.tongxin.benefits.internal;

import org.tongxin.shared.table.TableColumn;

/** The columns of a payroll's dues file; rate and amount may be left out (default rate, computed amount). */
public enum DuesColumn implements TableColumn {
    EMPLOYEE_NO("工号", "employee_no", true),
    MONTH("月份", "month", true),
    BASE("缴费基数", "base", true),
    RATE("费率", "rate", false),
    AMOUNT("会费", "amount", false);

    private final String chinese;
    private final String english;
    private final boolean required;

    DuesColumn(String chinese, String english, boolean required) {
        this.chinese = chinese;
        this.english = english;
        this.required = required;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    @Override
    public String english() {
        return english;
    }

    @Override
    public boolean required() {
        return required;
    }

    /** The column's name in the person's language. */
    public String messageKey() {
        return "benefits.dues.column." + name();
    }
}
