package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.Label;
import org.tongxin.insight.internal.LibraryFigures;
import org.tongxin.insight.internal.LibraryKinds;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;
import org.tongxin.library.LibrarySetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Loans, readers, rooms and titles: the figures kept from the library's events equal those rebuilt from its history,
 * the section shows what the story adds up to, and the most borrowed titles are exact however deep they are found.
 */
class LibraryInsightTests extends IntegrationTestSupport {

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    LibrarySetup library;
    @Autowired
    LibraryFigures ranks;

    List<String> rowsOf(long... units) {
        return facts.rollUp().stream().filter(r -> {
            long unit = Long.parseLong(r.split("\\|")[2]);
            for (long x : units) {
                if (x == unit) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    private static Section.Kpi kpi(Section s, String id) {
        return s.kpis().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    private static Section.Chart chart(Section s, String id) {
        return s.charts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<BigDecimal> values(Section.Chart c) {
        return c.series().getFirst().values();
    }

    /**
     * Borrows the copy; a loan of an earlier month is moved back to its 15th and returned today (a return publishes
     * the loan as it stands, its day included).
     */
    private void loan(Viewer reader, LibrarySetup.CopyRef copy, YearMonth month) {
        long id = library.borrow(reader, copy.barcode());
        if (month.isBefore(YearMonth.now())) {
            library.backdate(id, (int) ChronoUnit.DAYS.between(month.atDay(15), LocalDate.now()));
            library.returnCopy(reader, copy.barcode(), copy.roomId());
        }
    }

    /**
     * A reader borrows at the union's room three months ago, last month and this month, a second reader there last
     * month, and at the branch's room a third reader and the first this month. The range is last month and this
     * month; the previous period the two months before.
     */
    @Test
    void loansReadersRoomsAndTitlesAreCountedTheSameLiveAndRebuilt() {
        Fixtures.UnitWithDepartment u = fixtures.grassroots("看板书屋工会");
        OrgUnit union = u.unit();
        OrgUnit branch = orgSetup.createUnit(union.id(), "看板书屋分会" + System.nanoTime() % 100000, UnitKind.BRANCH);
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(u.departmentCode()), Fixtures.row(u.departmentCode()),
                Fixtures.row(u.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "insight-library.csv", rows);
        List<Viewer> readers = new ArrayList<>();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            readers.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), union.id());
        long roomU = library.room(officer, "看板工会书屋" + System.nanoTime(), union.id(), "一楼", "全天");
        long roomB = library.room(officer, "看板分会书屋" + System.nanoTime(), branch.id(), "二楼", "全天");
        OffsetDateTime added = OffsetDateTime.now().minusYears(1);
        List<Long> titles = library.books(List.of(
                new LibrarySetup.Book(null, "平凡的世界", "路遥", "北京十月文艺出版社", 2012, "MODERN", "", added),
                new LibrarySetup.Book(null, "活着", "余华", "作家出版社", 2012, "MODERN", "", added),
                new LibrarySetup.Book(null, "红岩", "罗广斌", "中国青年出版社", 2000, "MODERN", "", added)),
                fixtures.adminAccountId());
        List<LibrarySetup.CopyRef> copies = library.copies(List.of(
                new LibrarySetup.Stock(titles.get(0), roomU, 2, added),
                new LibrarySetup.Stock(titles.get(1), roomU, 2, added),
                new LibrarySetup.Stock(titles.get(0), roomB, 1, added),
                new LibrarySetup.Stock(titles.get(2), roomB, 1, added)), fixtures.adminAccountId());
        YearMonth now = YearMonth.now();
        loan(readers.get(0), copies.get(0), now.minusMonths(3));
        loan(readers.get(0), copies.get(1), now.minusMonths(1));
        loan(readers.get(1), copies.get(2), now.minusMonths(1));
        loan(readers.get(0), copies.get(3), now);
        loan(readers.get(2), copies.get(4), now);
        loan(readers.get(0), copies.get(5), now);

        Awaitility.await("the loans reach insight").atMost(Duration.ofSeconds(30)).until(() ->
                rowsOf(branch.id()).stream().anyMatch(r -> r.startsWith(LibraryKinds.LOAN_TITLE + "|"))
                        && rowsOf(union.id()).stream().anyMatch(r -> r.startsWith(LibraryKinds.LOAN + "|2|")));
        List<String> live = rowsOf(union.id(), branch.id());
        // the first reader's loan last month came two months after their first, this month's one after that
        String loan = LibraryKinds.LOAN + "|";
        assertThat(live).contains(loan + "2|" + union.id() + "|" + now.minusMonths(1).atDay(1) + "|1|0|0.00|0.00|0",
                loan + "1|" + union.id() + "|" + now.atDay(1) + "|1|0|0.00|0.00|0");

        rebuild.run();
        assertThat(rowsOf(union.id(), branch.id())).isEqualTo(live);

        Section s = sections.stream().filter(x -> x.key().equals("library")).findFirst().orElseThrow()
                .build(new Scope(officer, union, List.of(branch), now.minusMonths(1), now));
        assertThat(kpi(s, "loans").value()).isEqualByComparingTo("5");
        assertThat(kpi(s, "loans").previous()).isEqualByComparingTo("1");
        assertThat(kpi(s, "readers").value()).isEqualByComparingTo("4");
        assertThat(kpi(s, "readers").previous()).isEqualByComparingTo("1");
        assertThat(kpi(s, "perReader").value()).isEqualByComparingTo("1.3");
        assertThat(kpi(s, "perReader").previous()).isEqualByComparingTo("1.0");
        assertThat(kpi(s, "perRoom").value()).isEqualByComparingTo("2.5");
        assertThat(kpi(s, "perRoom").previous()).isEqualByComparingTo("1.0");
        assertThat(kpi(s, "out").value()).isEqualByComparingTo("3");
        assertThat(kpi(s, "out").previous()).isEqualByComparingTo("1");
        Section.Chart trend = chart(s, "library-trend");
        assertThat(trend.series().get(0).values()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.valueOf(2), BigDecimal.valueOf(3));
        assertThat(trend.series().get(1).values()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.valueOf(2), BigDecimal.valueOf(3));
        Section.Chart children = chart(s, "library-children");
        assertThat(children.series().get(0).values().getFirst()).isEqualByComparingTo("2");
        assertThat(children.series().get(1).values().getFirst()).isEqualByComparingTo("2");
        Section.Chart rooms = chart(s, "library-rooms");
        assertThat(rooms.categories()).extracting(Label::text).first().asString().startsWith("看板工会书屋");
        assertThat(values(rooms)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.valueOf(3), BigDecimal.valueOf(2));
        Section.Chart top = chart(s, "library-titles");
        assertThat(top.categories()).extracting(Label::text).containsExactly("平凡的世界", "活着", "红岩");
        assertThat(values(top)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.valueOf(2), BigDecimal.valueOf(2), BigDecimal.ONE);
    }

    /** Titles borrowed in a fake unit's months, written straight into the roll-up. */
    private void borrowed(long unit, YearMonth month, long title, long loans) {
        jdbc.sql("INSERT INTO insight_month (kind, category, unit_id, month, started, ended) VALUES (?, ?, ?, ?, ?, ?)")
                .params(LibraryKinds.LOAN_TITLE, Long.toString(title), unit, month.atDay(1), loans, loans).update();
    }

    private List<LibraryFigures.Ranked> bruteForce(long unit, YearMonth from, YearMonth to, int n) {
        return jdbc.sql("""
                        SELECT category::bigint, sum(started) FROM insight_month WHERE kind = ? AND unit_id = ?
                          AND month BETWEEN ? AND ? GROUP BY category ORDER BY 2 DESC, 1 LIMIT ?""")
                .params(LibraryKinds.LOAN_TITLE, unit, from.atDay(1), to.atDay(1), n)
                .query((rs, i) -> new LibraryFigures.Ranked(rs.getLong(1), rs.getLong(2))).list();
    }

    /**
     * Where each month's heads settle it (one title borrowed far more than the rest every month), and where they do
     * not (each month led by titles no other month has, so the threshold stays above the best candidate, and every
     * title is added up): the ranking equals adding up every title.
     */
    @Test
    void theMostBorrowedTitlesAreExactWhetherTheHeadsSettleItOrNot() {
        long unit = 9_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        YearMonth first = YearMonth.of(2020, 1);
        YearMonth second = first.plusMonths(1);
        try {
            for (int t = 1; t <= 60; t++) {
                borrowed(unit, first, t, t == 7 ? 500 : 1 + t % 13);
                borrowed(unit, second, t, t == 7 ? 400 : 1 + (t * 7) % 11);
            }
            assertThat(ranks.topTitles(unit, first, second, 10)).isEqualTo(bruteForce(unit, first, second, 10));
            assertThat(ranks.topTitles(unit, first, second, 1).getFirst().id()).isEqualTo(7);

            long other = unit + 1;
            for (int t = 1; t <= 50; t++) {
                borrowed(other, first, t, 200 - t);
                borrowed(other, second, 100 + t, 200 - t);
            }
            borrowed(other, first, 300, 110);
            borrowed(other, second, 300, 110);
            List<LibraryFigures.Ranked> top = ranks.topTitles(other, first, second, 3);
            assertThat(top).isEqualTo(bruteForce(other, first, second, 3));
            assertThat(top.getFirst()).isEqualTo(new LibraryFigures.Ranked(300, 220));
        } finally {
            jdbc.sql("DELETE FROM insight_month WHERE unit_id IN (?, ?)").params(unit, unit + 1).update();
        }
    }
}
