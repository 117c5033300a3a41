package org.tongxin.care.internal;

import org.tongxin.shared.table.TableColumn;

/** The columns of HR's file of moves; where the move goes is optional so a file of leavers needs no such columns. */
public enum MoveColumn implements TableColumn {
    EMPLOYEE_NO("工号", "employee_no", true),
    MOVED_ON("变动日期", "moved_on", true),
    FROM_DEPARTMENT("原部门", "from_department", false),
    FROM_POST("原岗位", "from_post", false),
    FROM_GRADE("原职级", "from_grade", true),
    TO_DEPARTMENT("新部门", "to_department", false),
    TO_POST("新岗位", "to_post", false),
    TO_GRADE("新职级", "to_grade", false),
    EXIT_TYPE("离开方式", "exit_type", false),
    REASON("变动原因", "reason", true),
    PROJECT("重组项目", "project", false);

    private final String chinese;
    private final String english;
    private final boolean required;

    MoveColumn(String chinese, String english, boolean required) {
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
}
