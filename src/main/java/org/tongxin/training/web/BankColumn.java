package org.tongxin.training.web;

import org.tongxin.shared.table.TableColumn;

/**
 * The question bank's file layout (.xlsx, or .csv), one question a row: the type (单选, 多选, 判断, 填空), the stem,
 * choices A to H, the correct letters (对 or 错 for true/false), the accepted answers of a fill-in separated by |,
 * the skill tag, the difficulty 1–5 and the explanation. Choices, accepted answers and the explanation may be left
 * out of a file that needs none of them.
 */
enum BankColumn implements TableColumn {
    TYPE("题型", "type", true),
    STEM("题干", "stem", true),
    A("选项A", "option_a", false),
    B("选项B", "option_b", false),
    C("选项C", "option_c", false),
    D("选项D", "option_d", false),
    E("选项E", "option_e", false),
    F("选项F", "option_f", false),
    G("选项G", "option_g", false),
    H("选项H", "option_h", false),
    CORRECT("正确答案", "correct", true),
    ACCEPTED("可接受答案", "accepted", false),
    SKILL("技能", "skill", true),
    DIFFICULTY("难度", "difficulty", true),
    EXPLANATION("解析", "explanation", false);

    /** The choice columns in order: A is choice 0. */
    static final BankColumn[] OPTIONS = {A, B, C, D, E, F, G, H};

    private final String chinese;
    private final String english;
    private final boolean required;

    BankColumn(String chinese, String english, boolean required) {
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
