package org.tongxin.library.internal;

import org.tongxin.shared.table.TableColumn;

/**
 * The columns of a file of titles. Copies are optional: a number and the name of the room they go to (a room the
 * importing officer runs); a file of titles alone only catalogues them.
 */
public enum TitleColumn implements TableColumn {
    ISBN("ISBN", "isbn", true),
    TITLE("书名", "title", true),
    AUTHORS("作者", "authors", false),
    PUBLISHER("出版社", "publisher", false),
    YEAR("出版年", "year", false),
    CATEGORY("分类", "category", true),
    SUMMARY("简介", "summary", false),
    COPIES("册数", "copies", false),
    ROOM("书屋", "room", false);

    private final String chinese;
    private final String english;
    private final boolean required;

    TitleColumn(String chinese, String english, boolean required) {
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
