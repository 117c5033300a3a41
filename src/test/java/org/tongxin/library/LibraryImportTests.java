package org.tongxin.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueImport;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Isbn;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Books;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** A file of titles, all or nothing, as the HR import takes employees. */
class LibraryImportTests extends IntegrationTestSupport {

    private static final String HEADER = "ISBN,书名,作者,出版社,出版年,分类,简介,册数,书屋\n";

    @Autowired
    CatalogueService catalogueService;
    @Autowired
    Catalogue catalogue;

    Viewer officer;
    String roomName;
    long roomId;
    String otherRoom;

    @BeforeEach
    void anOfficerWithARoom() {
        Fixtures.UnitWithDepartment a = fixtures.grassroots("导入书屋工会");
        Fixtures.UnitWithDepartment b = fixtures.grassroots("别人的书屋工会");
        officer = Fixtures.officer(fixtures.adminAccountId(), a.unit().id());
        roomName = "导入书屋" + System.nanoTime();
        roomId = catalogueService.addRoom(officer, roomName, a.unit().id(), "", "");
        otherRoom = "别人的书屋" + System.nanoTime();
        catalogueService.addRoom(Fixtures.officer(fixtures.adminAccountId(), b.unit().id()), otherRoom, b.unit().id(), "", "");
    }

    private CatalogueImport.Outcome upload(String fileName, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/library-admin/import")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(csrf()).with(as(officer))).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/library-admin/import");
        return (CatalogueImport.Outcome) result.getFlashMap().get("outcome");
    }

    private static byte[] csv(String body) {
        return (HEADER + body).getBytes(StandardCharsets.UTF_8);
    }

    private long titles(String isbn13) {
        return jdbc.sql("SELECT count(*) FROM library_title WHERE isbn13 = ?").param(isbn13).query(Long.class).single();
    }

    @Test
    void aGoodCsvCataloguesEveryTitleWithItsCopiesAndIsAudited() throws Exception {
        String isbn10 = Books.isbn10();
        String isbn13 = Books.isbn13();
        String named = "无号码的书" + System.nanoTime();
        CatalogueImport.Outcome outcome = upload("titles.csv", csv(
                isbn10 + ",收费业务实务,王建国 主编,人民交通出版社,2021,TRAFFIC,收费一线的业务手册。,2," + roomName + "\n"
                        + "\"" + isbn13 + "\",\"安全生产知识, 问答\",,应急管理出版社,2019,安全生产,,,\n"
                        + "," + named + ",佚名,,,Literature,,1," + roomName.toUpperCase() + "\n"));
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.titles()).isEqualTo(3);
        assertThat(outcome.copies()).isEqualTo(3);
        String converted = Isbn.toIsbn13(isbn10).orElseThrow();
        Catalogue.Title first = catalogue.byIsbn(converted).orElseThrow();
        assertThat(first.title()).isEqualTo("收费业务实务");
        assertThat(first.pubYear()).isEqualTo(2021);
        assertThat(catalogue.byIsbn(isbn13).orElseThrow().title()).isEqualTo("安全生产知识, 问答");
        assertThat(jdbc.sql("SELECT count(*) FROM library_copy WHERE title_id = ? AND home_room_id = ?")
                .params(first.id(), roomId).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT c.code FROM library_title t JOIN library_category c ON c.id = t.category_id"
                + " WHERE t.title = ?").param(named).query(String.class).single()).isEqualTo("LITERATURE");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'library.title.import' AND target_id = ?")
                .param(Long.toString(first.id())).query(Long.class).single()).isOne();
    }

    @Test
    void anXlsxWithIsbnsTypedAsNumbersImportsToo() throws Exception {
        String isbn13 = Books.isbn13();
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("书目");
            String[] header = HEADER.strip().split(",");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue(Double.parseDouble(isbn13));
            r.createCell(1).setCellValue("高速公路养护技术");
            r.createCell(4).setCellValue(2020);
            r.createCell(5).setCellValue("交通与道路");
            r.createCell(7).setCellValue(1);
            r.createCell(8).setCellValue(roomName);
            book.write(out);
            xlsx = out.toByteArray();
        }
        CatalogueImport.Outcome outcome = upload("titles.xlsx", xlsx);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.titles()).isOne();
        Catalogue.Title t = catalogue.byIsbn(isbn13).orElseThrow();
        assertThat(t.pubYear()).isEqualTo(2020);
        assertThat(jdbc.sql("SELECT count(*) FROM library_copy WHERE title_id = ?").param(t.id()).query(Long.class)
                .single()).isOne();
    }

    @Test
    void oneBadRowImportsNothingAndTheReportNamesItsRowAndReason() throws Exception {
        String good = Books.isbn13();
        String alsoGood = Books.isbn13();
        CatalogueImport.Outcome outcome = upload("titles.csv", csv(
                good + ",收费业务实务,,,2021,TRAFFIC,,,\n"
                        + alsoGood + ",隧道养护技术,,,公元前,不存在的分类,,3," + otherRoom + "\n"
                        + ",,,,,SAFETY,,,\n"));
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.titles()).isZero();
        assertThat(outcome.problems()).extracting(CatalogueImport.Problem::line, CatalogueImport.Problem::messageKey)
                .containsExactlyInAnyOrder(tuple(3, "library.import.year"),
                        tuple(3, "library.import.category"),
                        tuple(3, "library.import.room"),
                        tuple(4, "import.error.required"));
        assertThat(titles(good)).isZero();
        assertThat(titles(alsoGood)).isZero();

        String page = mvc.perform(get("/library-admin/import").flashAttr("outcome", outcome).with(as(officer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String report = page.substring(page.indexOf("id=\"import-errors\""));
        assertThat(report).contains("<td class=\"tx-nowrap\">3</td>").contains("出版年不合理：公元前")
                .contains("没有这个分类").contains("你管理的书屋中没有这个名称：" + otherRoom);
        assertThat(page).contains("文件中有 4 个问题，未导入任何书目");
    }

    @Test
    void anIsbnTwiceInTheFileOrAlreadyCataloguedIsRefused() throws Exception {
        String known = Books.isbn13();
        catalogueService.addTitle(officer, new Catalogue.TitleDraft(known, "已有的书", "", "", null,
                catalogue.categories().getFirst().id(), ""), null);
        String twice = Books.isbn13();
        String hyphenated = twice.substring(0, 3) + "-" + twice.substring(3, 4) + "-" + twice.substring(4);
        CatalogueImport.Outcome outcome = upload("titles.csv", csv(
                twice + ",第一次,,,,PARTY,,,\n"
                        + hyphenated + ",第二次,,,,PARTY,,,\n"
                        + known + ",又一本,,,,PARTY,,,\n"
                        + "978-7-111-11111-1,坏号码,,,,PARTY,,,\n"));
        assertThat(outcome.problems()).extracting(CatalogueImport.Problem::line, CatalogueImport.Problem::messageKey)
                .containsExactly(tuple(3, "library.import.isbnTwice"),
                        tuple(4, "library.import.isbnTaken"),
                        tuple(5, "library.import.isbn"));
        assertThat(outcome.problems().getFirst().value()).endsWith("(2)");
        assertThat(titles(twice)).isZero();
        assertThat(titles(known)).isOne();
    }

    @Test
    void aFileOfTheWrongKindOrWithoutItsColumnsIsRefusedWhole() throws Exception {
        assertThat(upload("titles.txt", csv("")).problems().getFirst().messageKey()).isEqualTo("import.file.type");
        CatalogueImport.Outcome missing = upload("titles.csv", "书名,作者\n三国演义,罗贯中\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.problems().getFirst().messageKey()).isEqualTo("import.file.missingColumns");
        assertThat(missing.problems().getFirst().value()).contains("ISBN").contains("分类");
        assertThat(upload("titles.csv", csv("")).problems().getFirst().messageKey()).isEqualTo("library.import.noRows");
    }

    @Test
    void theTemplateHasTheColumnsAndOnlyCataloguersImport() throws Exception {
        byte[] template = mvc.perform(get("/library-admin/import/template.csv").with(as(officer))).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(new String(template, StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + HEADER.strip() + "\r\n");
        Viewer roomless = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("没书屋的工会").unit().id());
        int status = mvc.perform(multipart("/library-admin/import").file(
                        new MockMultipartFile("file", "t.csv", "text/csv",
                                csv(Books.isbn13() + ",书,,,,PARTY,,,\n")))
                .with(csrf()).with(as(roomless))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(404);
        assertThat(mvc.perform(get("/library-admin/import").with(as(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"import-template\"").contains(roomName);
    }
}
