package org.tongxin.training.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.tongxin.shared.table.TableFileException;
import org.tongxin.shared.table.TableReader;
import org.tongxin.shared.table.TableRow;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;

/**
 * Reads and writes the question bank's file ({@link BankColumn}). Reading checks every row as the question form
 * would (through {@link TrainingAdmin#checked}) and names each problem with its row and column, so a file is
 * imported whole or not at all; writing produces a file reading accepts unchanged.
 */
final class BankFile {

    /** Rows per file: a bank is built a chapter at a time. */
    static final int MAX_ROWS = 2000;
    /** Rows an export writes at most. */
    static final int MAX_EXPORT = 10_000;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("单选", "SINGLE"),
            Map.entry("单选题", "SINGLE"), Map.entry("SINGLE", "SINGLE"), Map.entry("多选", "MULTIPLE"),
            Map.entry("多选题", "MULTIPLE"), Map.entry("MULTIPLE", "MULTIPLE"), Map.entry("判断", "TRUE_FALSE"),
            Map.entry("判断题", "TRUE_FALSE"), Map.entry("TRUE_FALSE", "TRUE_FALSE"), Map.entry("填空", "FILL"),
            Map.entry("填空题", "FILL"), Map.entry("FILL", "FILL"));
    private static final Map<String, String> TYPE_LABELS = Map.of("SINGLE", "单选", "MULTIPLE", "多选",
            "TRUE_FALSE", "判断", "FILL", "填空");
    private static final Set<String> TRUE = Set.of("对", "正确", "是", "√", "✓", "T", "TRUE", "Y");
    private static final Set<String> FALSE = Set.of("错", "错误", "否", "×", "✗", "X", "F", "FALSE", "N");
    /** Which column a refusal of {@link TrainingAdmin#checked} is about. */
    private static final Map<String, BankColumn> REFUSED_COLUMN = Map.of("training.error.badType", BankColumn.TYPE,
            "training.error.stemRequired", BankColumn.STEM, "training.error.badOptions", BankColumn.A,
            "training.error.badCorrect", BankColumn.CORRECT, "training.error.badAccepted", BankColumn.ACCEPTED,
            "training.error.skillRequired", BankColumn.SKILL, "training.error.badDifficulty", BankColumn.DIFFICULTY,
            "training.error.tooLong", BankColumn.EXPLANATION);

    /** One problem: the row as the user sees it (0 for the file), the column header (null for the file), a key. */
    record Problem(int line, String column, String messageKey, String value) implements Serializable {
    }

    /** The questions of a file, checked, or the problems that keep it out. */
    record Read(List<Questions.Draft> drafts, List<Problem> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private BankFile() {
    }

    static Read read(String fileName, byte[] content, TrainingAdmin admin) {
        List<TableRow<BankColumn>> rows;
        try {
            rows = TableReader.read(fileName, content, BankColumn.class);
        } catch (TableFileException e) {
            return refused(new Problem(0, null, e.messageKey(), e.detail()));
        }
        if (rows.isEmpty()) {
            return refused(new Problem(0, null, "training.import.noRows", null));
        }
        if (rows.size() > MAX_ROWS) {
            return refused(new Problem(0, null, "training.import.tooMany", Integer.toString(MAX_ROWS)));
        }
        List<Questions.Draft> drafts = new ArrayList<>(rows.size());
        List<Problem> problems = new ArrayList<>();
        for (TableRow<BankColumn> row : rows) {
            int before = problems.size();
            Questions.Draft draft = draft(row, problems);
            if (problems.size() > before) {
                continue;
            }
            try {
                drafts.add(admin.checked(draft));
            } catch (Refusal e) {
                BankColumn column = REFUSED_COLUMN.getOrDefault(e.messageKey(), BankColumn.TYPE);
                problems.add(new Problem(row.line(), column.chinese(), e.messageKey(), row.get(column)));
            }
        }
        return problems.isEmpty() ? new Read(drafts, List.of()) : new Read(List.of(), problems);
    }

    private static Read refused(Problem problem) {
        return new Read(List.of(), List.of(problem));
    }

    /** A row as a draft, or problems added for what cannot even be read (the rest is the form's checks). */
    private static Questions.Draft draft(TableRow<BankColumn> row, List<Problem> problems) {
        String typeText = normal(row.get(BankColumn.TYPE)).toUpperCase(Locale.ROOT);
        String type = TYPES.get(typeText);
        if (type == null) {
            problems.add(problem(row, BankColumn.TYPE, "training.import.type"));
            return null;
        }
        List<String> options = new ArrayList<>();
        int[] correct = new int[0];
        List<String> accepted = List.of();
        switch (type) {
            case "SINGLE", "MULTIPLE" -> {
                boolean gap = false;
                for (BankColumn c : BankColumn.OPTIONS) {
                    String option = row.get(c);
                    if (option.isEmpty()) {
                        gap = true;
                    } else if (gap) {
                        problems.add(problem(row, c, "training.import.optionGap"));
                        return null;
                    } else {
                        options.add(option);
                    }
                }
                correct = letters(row.get(BankColumn.CORRECT), options.size());
                if (correct == null) {
                    problems.add(problem(row, BankColumn.CORRECT, "training.import.letters"));
                    return null;
                }
            }
            case "TRUE_FALSE" -> {
                String t = normal(row.get(BankColumn.CORRECT)).toUpperCase(Locale.ROOT);
                if (!TRUE.contains(t) && !FALSE.contains(t)) {
                    problems.add(problem(row, BankColumn.CORRECT, "training.import.truth"));
                    return null;
                }
                correct = new int[]{TRUE.contains(t) ? 0 : 1};
            }
            default -> accepted = Arrays.stream(row.get(BankColumn.ACCEPTED).split("[|｜]")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
        int difficulty;
        try {
            difficulty = Integer.parseInt(normal(row.get(BankColumn.DIFFICULTY)));
        } catch (NumberFormatException e) {
            problems.add(problem(row, BankColumn.DIFFICULTY, "training.error.badDifficulty"));
            return null;
        }
        return new Questions.Draft(type, row.get(BankColumn.STEM), options, correct, accepted,
                row.get(BankColumn.SKILL), difficulty, row.get(BankColumn.EXPLANATION));
    }

    /** Letters A–H (any case, full-width too, with or without separators) as choice numbers; null if invalid. */
    static int[] letters(String text, int options) {
        String letters = normal(text).toUpperCase(Locale.ROOT).replaceAll("[\\s,，、;；/]", "");
        if (letters.isEmpty()) {
            return null;
        }
        int[] out = new int[letters.length()];
        for (int i = 0; i < letters.length(); i++) {
            int c = letters.charAt(i) - 'A';
            if (c < 0 || c >= options) {
                return null;
            }
            out[i] = c;
        }
        return out;
    }

    static String letters(int[] choices) {
        StringBuilder out = new StringBuilder();
        for (int c : choices) {
            out.append((char) ('A' + c));
        }
        return out.toString();
    }

    private static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }

    private static Problem problem(TableRow<BankColumn> row, BankColumn column, String key) {
        return new Problem(row.line(), column.chinese(), key, row.get(column));
    }

    /** The questions in the file layout: what the import reads back as the same questions. */
    static byte[] write(List<Questions.Question> questions) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("题库");
            header(sheet);
            int r = 1;
            for (Questions.Question q : questions) {
                Row row = sheet.createRow(r++);
                row.createCell(BankColumn.TYPE.ordinal()).setCellValue(TYPE_LABELS.get(q.type()));
                row.createCell(BankColumn.STEM.ordinal()).setCellValue(q.stem());
                for (int i = 0; i < q.options().size() && i < BankColumn.OPTIONS.length; i++) {
                    row.createCell(BankColumn.OPTIONS[i].ordinal()).setCellValue(q.options().get(i));
                }
                String correct = switch (q.type()) {
                    case "TRUE_FALSE" -> q.correct()[0] == 0 ? "对" : "错";
                    case "FILL" -> "";
                    default -> letters(q.correct());
                };
                row.createCell(BankColumn.CORRECT.ordinal()).setCellValue(correct);
                row.createCell(BankColumn.ACCEPTED.ordinal()).setCellValue(String.join("|", q.accepted()));
                row.createCell(BankColumn.SKILL.ordinal()).setCellValue(q.skill());
                row.createCell(BankColumn.DIFFICULTY.ordinal()).setCellValue(q.difficulty());
                row.createCell(BankColumn.EXPLANATION.ordinal()).setCellValue(q.explanation());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An empty bank sheet to fill in, and a second sheet explaining each column (in the viewer's language) with an
     * example of each type; the import reads the first sheet only.
     */
    static byte[] template(MessageSource messages, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("题库");
            header(sheet);
            Sheet help = book.createSheet(messages.getMessage("training.bank.file.help", null, locale));
            Row top = help.createRow(0);
            top.createCell(0).setCellValue(messages.getMessage("training.bank.file.column", null, locale));
            top.createCell(1).setCellValue(messages.getMessage("training.bank.file.meaning", null, locale));
            int r = 1;
            for (BankColumn c : BankColumn.values()) {
                if (c.ordinal() > BankColumn.A.ordinal() && c.ordinal() <= BankColumn.H.ordinal()) {
                    continue;
                }
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(c == BankColumn.A ? "选项A … 选项H" : c.chinese());
                row.createCell(1).setCellValue(messages.getMessage("training.bank.file." + c.name(), null, locale));
            }
            r++;
            help.createRow(r++).createCell(0).setCellValue(messages.getMessage("training.bank.file.examples", null,
                    locale));
            Row examplesHeader = help.createRow(r++);
            for (BankColumn c : BankColumn.values()) {
                examplesHeader.createCell(c.ordinal()).setCellValue(c.chinese());
            }
            for (String[] example : EXAMPLES) {
                Row row = help.createRow(r++);
                for (int i = 0; i < example.length; i++) {
                    row.createCell(i).setCellValue(example[i]);
                }
            }
            help.setColumnWidth(0, 16 * 256);
            help.setColumnWidth(1, 80 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet) {
        Row header = sheet.createRow(0);
        for (BankColumn c : BankColumn.values()) {
            header.createCell(c.ordinal()).setCellValue(c.chinese());
            sheet.setColumnWidth(c.ordinal(), (c == BankColumn.STEM || c == BankColumn.EXPLANATION ? 40 : 12) * 256);
        }
    }

    /** One question of each type, in the columns' order. */
    private static final String[][] EXAMPLES = {
            {"单选", "工会会员服务热线是多少？", "12351", "12345", "12315", "", "", "", "", "", "A", "", "工会知识", "1",
                    "全国总工会职工服务热线为 12351。"},
            {"多选", "下列哪些做法有助于防范网络诈骗？", "不点击陌生链接", "核实对方身份", "把验证码告诉客服", "安装官方反诈应用", "",
                    "", "", "", "ABD", "", "网络安全", "2", "验证码任何时候都不应告诉他人。"},
            {"判断", "工会会员可以通过手机申请入会。", "", "", "", "", "", "", "", "", "对", "", "工会知识", "1", ""},
            {"填空", "我国的劳动节是每年的几月几日？", "", "", "", "", "", "", "", "", "", "5月1日|五月一日|5.1", "工会知识", "1",
                    "国际劳动节为每年 5 月 1 日。"}};
}
