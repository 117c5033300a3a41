package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;

/** The question bank's pages: each type through its form, retire and restore, import good and bad, export round trip. */
class BankTests extends IntegrationTestSupport {

    private static final String[] HEADER = {"题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "选项G",
            "选项H", "正确答案", "可接受答案", "技能", "难度", "解析"};

    @Autowired
    TrainingAdmin admin;
    @Autowired
    Questions questions;

    Viewer officer;
    Viewer employee;
    String skill;

    @BeforeEach
    void anOfficerAndAnEmployee() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("题库测试工会");
        OrgSetup.HrRow row = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "bank.csv", List.of(row));
        long employeeId = fixtures.employeeId(row.employeeNo());
        employee = Fixtures.employee(fixtures.accountId(employeeId), employeeId);
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        skill = "题库技能" + System.nanoTime() % 1_000_000;
    }

    private MockHttpServletRequestBuilder form(String type) {
        return post("/training-admin/questions").with(csrf()).with(as(officer)).param("type", type)
                .param("skill", skill).param("difficulty", "3").param("explanation", "解析 " + type);
    }

    private Questions.Question only(String type) {
        List<Questions.Question> found = questions.filtered(skill, type, null, 0, 10);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private String page(String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(as(officer))).andReturn().getResponse();
        assertThat(r.getStatus()).as("GET %s", url).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void eachTypeIsWrittenThroughItsOwnFormAndRetiredAndRestoredWithAnAuditLine() throws Exception {
        // Single choice: choices with a blank in the middle are closed up, the tick follows its choice.
        mvc.perform(form("SINGLE").param("stem", "职工服务热线是？")
                        .param("options", "12351", "", "12345", "12315", "", "", "", "").param("correct", "2"))
                .andReturn();
        Questions.Question single = only("SINGLE");
        assertThat(single.options()).containsExactly("12351", "12345", "12315");
        assertThat(single.correct()).containsExactly(1);
        assertThat(single.explanation()).isEqualTo("解析 SINGLE");

        mvc.perform(form("MULTIPLE").param("stem", "哪些是防诈做法？")
                .param("options", "不点陌生链接", "核实身份", "告诉验证码", "", "", "", "", "").param("correct", "0", "1"));
        assertThat(only("MULTIPLE").correct()).containsExactly(0, 1);

        mvc.perform(form("TRUE_FALSE").param("stem", "会员可以在手机上申请入会。").param("truth", "0"));
        assertThat(only("TRUE_FALSE").correct()).containsExactly(0);

        mvc.perform(form("FILL").param("stem", "劳动节是几月几日？").param("accepted", "5月1日\n五月一日 | 5.1"));
        assertThat(only("FILL").accepted()).containsExactly("5月1日", "五月一日", "5.1");

        // A refused form keeps what was typed and stores nothing.
        String refused = mvc.perform(form("SINGLE").param("stem", "两个答案的单选")
                        .param("options", "甲", "乙", "", "", "", "", "", "").param("correct", "0", "1"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"flash-error\"").contains("单选题恰好一个").contains("两个答案的单选");
        assertThat(questions.filtered(skill, "SINGLE", null, 0, 10)).hasSize(1);
        String tickOnBlank = mvc.perform(form("MULTIPLE").param("stem", "勾了空选项")
                        .param("options", "甲", "乙", "", "", "", "", "", "").param("correct", "0", "2"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tickOnBlank).contains("id=\"flash-error\"");
        assertThat(questions.filtered(skill, "MULTIPLE", null, 0, 10)).hasSize(1);

        // The edit form shows the question as stored; saving keeps its type.
        String edit = page("/training-admin/questions/" + single.id());
        assertThat(edit).contains("value=\"12315\"").contains("id=\"f-correct-1\"");
        assertThat(tag(edit, "f-correct-1")).contains("checked");
        assertThat(tag(edit, "f-correct-0")).doesNotContain("checked");
        mvc.perform(post("/training-admin/questions/" + single.id()).with(csrf()).with(as(officer))
                .param("type", "FILL").param("stem", "职工服务热线号码是？").param("skill", skill).param("difficulty", "2")
                .param("options", "12351", "12345", "", "", "", "", "", "").param("correct", "0"));
        Questions.Question edited = questions.find(single.id()).orElseThrow();
        assertThat(edited.type()).isEqualTo("SINGLE");
        assertThat(edited.stem()).isEqualTo("职工服务热线号码是？");
        assertThat(edited.options()).containsExactly("12351", "12345");

        mvc.perform(post("/training-admin/questions/" + single.id() + "/retire").with(csrf()).with(as(officer)));
        assertThat(questions.find(single.id()).orElseThrow().active()).isFalse();
        assertThat(page("/training-admin/questions?skill=" + skill)).doesNotContain("id=\"question-" + single.id() + "\"");
        assertThat(page("/training-admin/questions?state=retired&skill=" + skill))
                .contains("id=\"question-" + single.id() + "\"").doesNotContain("劳动节是几月几日");
        assertThat(page("/training-admin/questions?skill=" + skill + "&type=FILL&state=all"))
                .contains("劳动节是几月几日").doesNotContain("职工服务热线号码是");
        mvc.perform(post("/training-admin/questions/" + single.id() + "/restore").with(csrf()).with(as(officer)));
        assertThat(questions.find(single.id()).orElseThrow().active()).isTrue();
        assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_event WHERE target_type = 'training_question'"
                + " AND target_id = ?").param(Long.toString(single.id())).query(String.class).single())
                .isEqualTo("training.question.add,training.question.update,training.question.retire,training.question.restore");

        // The stock counts active questions per skill and type.
        String list = page("/training-admin/questions");
        String stock = list.substring(list.indexOf("id=\"bank-stock\""));
        assertThat(stock.substring(stock.indexOf(skill))).startsWith(skill + "</td>");

        assertThat(mvc.perform(get("/training-admin/questions").with(as(employee))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    /** The opening tag of the element with the id. */
    private static String tag(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        return html.substring(html.lastIndexOf('<', at), html.indexOf('>', at));
    }

    private byte[] xlsx(List<String[]> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("题库");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                String[] values = rows.get(r);
                for (int i = 0; i < values.length; i++) {
                    if (i == 13 && values[i].matches("\\d+")) {
                        row.createCell(i).setCellValue(Integer.parseInt(values[i]));
                    } else {
                        row.createCell(i).setCellValue(values[i]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private String[] row(String type, String stem, List<String> options, String correct, String accepted,
                         String skillTag, String difficulty) {
        String[] r = new String[15];
        Arrays.fill(r, "");
        r[0] = type;
        r[1] = stem;
        for (int i = 0; i < options.size(); i++) {
            r[2 + i] = options.get(i);
        }
        r[10] = correct;
        r[11] = accepted;
        r[12] = skillTag;
        r[13] = difficulty;
        r[14] = "解析：" + stem;
        return r;
    }

    private MvcResult importFile(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/training-admin/questions/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", name, "application/octet-stream", content))
                .with(csrf()).with(as(officer))).andReturn();
    }

    @Test
    void aGoodFileImportsEveryQuestionAndABadOneNothingNamingEachRow() throws Exception {
        byte[] good = xlsx(List.of(
                row("单选", "导入单选", List.of("甲", "乙", "丙"), "b", "", skill, "1"),
                row("多选题", "导入多选", List.of("甲", "乙", "丙", "丁"), "A、D", "", skill, "2"),
                row("判断", "导入判断", List.of(), "错", "", skill, "3"),
                row("FILL", "导入填空", List.of(), "", "12351|一二三五一", skill, "4")));
        MvcResult ok = importFile("题库.xlsx", good);
        assertThat(ok.getFlashMap().get("imported")).isEqualTo(4);
        List<Questions.Question> in = questions.filtered(skill, null, null, 0, 10);
        assertThat(in).extracting(Questions.Question::stem).containsExactlyInAnyOrder("导入单选", "导入多选", "导入判断", "导入填空");
        Map<String, Questions.Question> byStem = in.stream()
                .collect(java.util.stream.Collectors.toMap(Questions.Question::stem, q -> q));
        assertThat(byStem.get("导入单选").correct()).containsExactly(1);
        assertThat(byStem.get("导入多选").correct()).containsExactly(0, 3);
        assertThat(byStem.get("导入判断").correct()).containsExactly(1);
        assertThat(byStem.get("导入填空").accepted()).containsExactly("12351", "一二三五一");
        assertThat(byStem.get("导入填空").difficulty()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'training.question.import' AND target_id = ?")
                .param(Long.toString(byStem.get("导入填空").id())).query(Long.class).single()).isOne();

        String badSkill = skill + "坏";
        byte[] bad = xlsx(List.of(
                row("单选", "好的一行", List.of("甲", "乙"), "A", "", badSkill, "1"),
                row("问答", "不认识的题型", List.of(), "", "", badSkill, "1"),
                row("单选", "答案在空选项上", List.of("甲", "乙"), "C", "", badSkill, "1"),
                row("判断", "不知道对错", List.of(), "也许", "", badSkill, "1"),
                row("填空", "没有技能", List.of(), "", "答案", "", "1"),
                row("多选", "难度太大", List.of("甲", "乙"), "AB", "", badSkill, "9")));
        MvcResult refused = importFile("坏题库.xlsx", bad);
        @SuppressWarnings("unchecked")
        List<Object> problems = (List<Object>) refused.getFlashMap().get("problems");
        assertThat(problems).extracting(Object::toString).containsExactly(
                "Problem[line=3, column=题型, messageKey=training.import.type, value=问答]",
                "Problem[line=4, column=正确答案, messageKey=training.import.letters, value=C]",
                "Problem[line=5, column=正确答案, messageKey=training.import.truth, value=也许]",
                "Problem[line=6, column=技能, messageKey=training.error.skillRequired, value=]",
                "Problem[line=7, column=难度, messageKey=training.error.badDifficulty, value=9]");
        assertThat(questions.filtered(badSkill, null, null, 0, 10)).isEmpty();
        String shown = mvc.perform(get("/training-admin/questions?state=all").with(as(officer))
                        .flashAttr("problems", problems)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("id=\"import-rejected\"").contains("文件中有 5 处错误")
                .contains("题型应为 单选、多选、判断 或 填空：问答");

        MvcResult notATable = importFile("题库.docx", "不是表格".getBytes(StandardCharsets.UTF_8));
        assertThat(notATable.getFlashMap().get("problems").toString()).contains("import.file.type");
    }

    @Test
    void theExportOfAFilteredListImportsAsTheSameQuestionsAndTheTemplateReadsAsAnEmptyBank() throws Exception {
        admin.addQuestion(officer, new Questions.Draft("SINGLE", "往返单选", List.of("甲", "乙", "丙"), new int[]{2}, List.of(),
                skill, 1, "因为丙"));
        admin.addQuestion(officer, new Questions.Draft("MULTIPLE", "往返多选", List.of("甲", "乙", "丙", "丁", "戊"),
                new int[]{0, 4}, List.of(), skill, 5, ""));
        admin.addQuestion(officer, new Questions.Draft("TRUE_FALSE", "往返判断", List.of(), new int[]{0}, List.of(), skill,
                2, "正确"));
        long retired = admin.addQuestion(officer, new Questions.Draft("FILL", "往返填空", List.of(), new int[0],
                List.of("十二", "12"), skill, 3, "多行\n解析"));
        admin.setQuestionActive(officer, retired, false);
        admin.addQuestion(officer, new Questions.Draft("SINGLE", "别的技能", List.of("甲", "乙"), new int[]{0}, List.of(),
                skill + "其他", 1, ""));
        List<Questions.Question> before = questions.filtered(skill, null, null, 0, 10);

        MockHttpServletResponse export = mvc.perform(get("/training-admin/questions/export.xlsx")
                .param("skill", skill).param("state", "all").with(as(officer))).andReturn().getResponse();
        assertThat(export.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // Imported under another skill tag (the sheet edited as a person would), so old and new can be told apart.
        byte[] file = export.getContentAsByteArray();
        byte[] retagged = retag(file, skill + "副本");
        MvcResult imported = importFile("export.xlsx", retagged);
        assertThat(imported.getFlashMap().get("imported")).isEqualTo(4);
        List<Questions.Question> after = questions.filtered(skill + "副本", null, null, 0, 10);
        assertThat(after).extracting(BankTests::essence).containsExactlyInAnyOrderElementsOf(
                before.stream().map(BankTests::essence).toList());

        MvcResult sameAgain = importFile("export.xlsx", file);
        assertThat(sameAgain.getFlashMap().get("imported")).isEqualTo(4);

        MockHttpServletResponse template = mvc.perform(get("/training-admin/questions/template.xlsx").with(as(officer)))
                .andReturn().getResponse();
        MvcResult empty = importFile("template.xlsx", template.getContentAsByteArray());
        assertThat(empty.getFlashMap().get("problems").toString()).contains("training.import.noRows");
    }

    /** What a question is, without its id, date, skill tag or active state. */
    private static String essence(Questions.Question q) {
        return String.join(" ", q.type(), q.stem(), q.options().toString(), Arrays.toString(q.correct()),
                q.accepted().toString(), Integer.toString(q.difficulty()), q.explanation());
    }

    private static byte[] retag(byte[] xlsx, String newSkill) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                sheet.getRow(r).getCell(12).setCellValue(newSkill);
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
