package org.tongxin.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.ReadingRecommendations;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Recommendations count readers and never name them: "popular in my unit" counts only the colleagues of the
 * reader's own unit (a union group counts with the unit above it), leaves the reader out, and hides titles fewer
 * than two colleagues account for; "readers who borrowed this also borrowed" works the same way.
 */
class ReadingRecommendationsTests extends IntegrationTestSupport {

    @Autowired
    CatalogueService catalogueService;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Circulation circulation;
    @Autowired
    MembershipSetup membershipSetup;
    @Autowired
    ReadingRecommendations recommendations;

    /** The reader, in a union group of unit A. */
    Viewer me;
    /** Two colleagues in unit A itself, one more in the reader's group. */
    List<Viewer> colleagues = new ArrayList<>();
    /** Three readers of unit B. */
    List<Viewer> others = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Viewer officer;
    long room;
    OrgUnit unitA;

    @BeforeEach
    void twoUnitsOfReaders() {
        Fixtures.UnitWithDepartment a = fixtures.grassroots("荐书甲站工会");
        Fixtures.UnitWithDepartment b = fixtures.grassroots("荐书乙站工会");
        unitA = a.unit();
        OrgUnit group = orgSetup.createUnit(unitA.id(), "荐书甲站收费一班" + System.nanoTime(), UnitKind.GROUP);
        String groupDepartment = "G" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(groupDepartment, "收费一班", group.id());
        names.clear();
        colleagues.clear();
        others.clear();
        me = reader(groupDepartment, unitA.id());
        colleagues.add(reader(a.departmentCode(), unitA.id()));
        colleagues.add(reader(a.departmentCode(), unitA.id()));
        colleagues.add(reader(groupDepartment, unitA.id()));
        for (int i = 0; i < 3; i++) {
            others.add(reader(b.departmentCode(), b.unit().id()));
        }
        officer = Fixtures.officer(fixtures.adminAccountId(), unitA.id());
        room = catalogueService.addRoom(officer, "荐书书屋" + System.nanoTime(), unitA.id(), "", "");
    }

    private Viewer reader(String department, long unitId) {
        OrgSetup.HrRow row = Fixtures.row(department);
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "recommend.csv", List.of(row));
        long id = fixtures.employeeId(row.employeeNo());
        membershipSetup.enrol(id, unitId, LocalDate.now().minusYears(1));
        names.add(row.name());
        return Fixtures.employee(fixtures.accountId(id), id);
    }

    private long title(String name) {
        return catalogueService.addTitle(officer, new Catalogue.TitleDraft(null, name, "某作者", "", null,
                catalogue.categories().getFirst().id(), ""), null);
    }

    /** Each reader borrows the title's one copy in turn and brings it back. */
    private Copy readBy(long titleId, Viewer... readers) {
        Copy copy = catalogueService.addCopies(officer, titleId, room, 1).getFirst();
        for (Viewer r : readers) {
            circulation.borrow(r, copy.barcode());
            circulation.returnCopy(r, copy.barcode(), room);
        }
        return copy;
    }

    private String page(String url, Viewer viewer) throws Exception {
        return mvc.perform(get(url).with(as(viewer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</ul>", start));
    }

    @Test
    void popularInMyUnitCountsOnlyMyColleaguesAndNamesNobody() throws Exception {
        long shared = title("平凡的世界" + System.nanoTime());
        long elsewhere = title("活着" + System.nanoTime());
        long single = title("围城" + System.nanoTime());
        long old = title("红岩" + System.nanoTime());
        readBy(shared, colleagues.get(0), colleagues.get(2));
        readBy(elsewhere, others.get(0), others.get(1), others.get(2));
        readBy(single, colleagues.get(1));
        Copy oldCopy = readBy(old, colleagues.get(0), colleagues.get(1));
        jdbc.sql("UPDATE library_loan SET borrowed_at = borrowed_at - interval '200 days', "
                + "due_at = due_at - interval '200 days', returned_at = returned_at - interval '200 days' WHERE copy_id = ?")
                .param(oldCopy.id()).update();
        String sharedName = catalogue.find(shared).orElseThrow().title();

        assertThat(recommendations.unitOf(me.employeeId()).orElseThrow().id()).isEqualTo(unitA.id());
        assertThat(recommendations.popularInUnit(me.employeeId(), circulation.now(), 10))
                .extracting(ReadingRecommendations.Pick::titleId, ReadingRecommendations.Pick::readers)
                .containsExactly(tuple(shared, 2));
        // The asking reader is left out of the counts: for a colleague only one other reader is behind the title.
        assertThat(recommendations.popularInUnit(colleagues.get(0).employeeId(), circulation.now(), 10)).isEmpty();
        assertThat(recommendations.popularInUnit(others.get(0).employeeId(), circulation.now(), 10))
                .extracting(ReadingRecommendations.Pick::titleId).containsExactly(elsewhere);

        String mine = page("/library/me", me);
        String popular = section(mine, "popular-in-unit");
        assertThat(mine).contains(unitA.name() + "的同事近半年常借");
        assertThat(popular).contains(sharedName, "2 位读者借过")
                .doesNotContain(catalogue.find(elsewhere).orElseThrow().title())
                .doesNotContain(catalogue.find(single).orElseThrow().title())
                .doesNotContain(catalogue.find(old).orElseThrow().title());
        for (String name : names) {
            assertThat(mine).doesNotContain(name);
        }
    }

    @Test
    void readersWhoBorrowedThisAlsoBorrowedCountsOtherReadersAndNamesNobody() throws Exception {
        long first = title("三体" + System.nanoTime());
        long next = title("球状闪电" + System.nanoTime());
        long once = title("流浪地球" + System.nanoTime());
        readBy(first, me, colleagues.get(0), others.get(0));
        readBy(next, colleagues.get(0), others.get(0));
        readBy(once, others.get(0));
        String nextName = catalogue.find(next).orElseThrow().title();

        String titlePage = page("/library/titles/" + first, me);
        String also = section(titlePage, "also-borrowed");
        assertThat(also).contains(nextName, "2 位读者借过").doesNotContain(catalogue.find(once).orElseThrow().title());
        assertThat(section(page("/library/me", me), "for-you")).contains(nextName);
        // Seen by one of those two readers, the title has only one other reader behind it: nothing is suggested.
        assertThat(section(page("/library/titles/" + first, colleagues.get(0)), "also-borrowed")).isEmpty();
        for (String name : names) {
            assertThat(titlePage).doesNotContain(name);
        }
    }
}
