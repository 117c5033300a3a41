package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.tongxin.insight.internal.Figures;
import org.tongxin.insight.internal.LibraryFigures;
import org.tongxin.insight.internal.LibraryKinds;
import org.tongxin.library.LibrarySetup;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.support.Fixtures;

/** Insight with the modules it reads: a loan reaches the figures, by room and by title too. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "identity")
@ActiveProfiles("test")
class LibraryInsightModuleTests {

    @Autowired
    LibrarySetup library;
    @Autowired
    OrgSetup orgSetup;
    @Autowired
    OrgDirectory org;
    @Autowired
    Figures figures;
    @Autowired
    LibraryFigures ranks;

    @Test
    void aLoanCountsForItsRoomAndTitle(Scenario scenario) {
        long n = System.nanoTime() % 1_000_000;
        OrgUnit unit = orgSetup.createUnit(null, "看板模块书屋工会" + n, UnitKind.COMPANY_UNION);
        orgSetup.createDepartment("INL" + n, "看板模块书屋部门", unit.id());
        OrgSetup.HrRow row = Fixtures.row("INL" + n);
        orgSetup.importEmployees(Fixtures.admin(1), "insight-library-module.csv", List.of(row));
        long reader = org.employeeIdsByNumber(List.of(row.employeeNo())).get(row.employeeNo());
        long room = library.room(Fixtures.officer(1, unit.id()), "看板模块书屋" + n, unit.id(), "", "");
        OffsetDateTime added = OffsetDateTime.now().minusDays(30);
        long title = library.books(List.of(new LibrarySetup.Book(null, "看板模块图书" + n, "作者", "出版社", 2020, "MODERN",
                "", added)), 1).getFirst();
        LibrarySetup.CopyRef copy = library.copies(List.of(new LibrarySetup.Stock(title, room, 1, added)), 1)
                .getFirst();
        YearMonth month = YearMonth.now();

        scenario.stimulate(() -> library.borrow(Fixtures.employee(1, reader), copy.barcode()))
                .andWaitForStateChange(() -> figures.rollup(List.of(LibraryKinds.LOAN), List.of(unit.id()), month)
                        .flow(LibraryKinds.LOAN, null, unit.id(), month, month).started(), loans -> loans > 0)
                .andVerify(loans -> {
                    assertThat(loans).isEqualTo(1);
                    assertThat(ranks.rooms(unit.id(), month, month))
                            .containsExactly(new LibraryFigures.Ranked(room, 1));
                    assertThat(ranks.topTitles(unit.id(), month, month, 10))
                            .containsExactly(new LibraryFigures.Ranked(title, 1));
                });
    }
}
