package org.tongxin.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Copies;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Holds;
import org.tongxin.library.internal.Policies;
import org.tongxin.library.internal.Reminders;
import org.tongxin.library.internal.Suggestions;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** Borrowing, returns at any room, renewals, holds, transit and the loan rules, on the real database. */
class CirculationTests extends IntegrationTestSupport {

    @Autowired
    Circulation circulation;
    @Autowired
    CatalogueService catalogueService;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Copies copies;
    @Autowired
    Holds holds;
    @Autowired
    Policies policies;
    @Autowired
    Reminders reminders;
    @Autowired
    MembershipSetup membershipSetup;
    @Autowired
    Suggestions suggestions;

    Viewer officerA;
    Viewer officerB;
    long roomA;
    long roomB;
    List<Viewer> readers = new ArrayList<>();
    Viewer nonMember;

    @BeforeEach
    void twoRoomsAndReaders() {
        Fixtures.UnitWithDepartment a = fixtures.grassroots("书屋甲站工会");
        Fixtures.UnitWithDepartment b = fixtures.grassroots("书屋乙站工会");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            rows.add(Fixtures.row(a.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "library.csv", rows);
        readers.clear();
        for (int i = 0; i < 20; i++) {
            long id = fixtures.employeeId(rows.get(i).employeeNo());
            membershipSetup.enrol(id, a.unit().id(), LocalDate.now().minusYears(1));
            readers.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        long plain = fixtures.employeeId(rows.get(20).employeeNo());
        nonMember = Fixtures.employee(fixtures.accountId(plain), plain);
        officerA = Fixtures.officer(fixtures.adminAccountId(), a.unit().id());
        officerB = Fixtures.officer(fixtures.adminAccountId(), b.unit().id());
        roomA = catalogueService.addRoom(officerA, "甲站职工书屋" + System.nanoTime(), a.unit().id(), "甲站二楼", "8:00-20:00");
        roomB = catalogueService.addRoom(officerB, "乙站职工书屋" + System.nanoTime(), b.unit().id(), "乙站一楼", "全天");
    }

    private long category(String code) {
        return catalogue.categories().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().id();
    }

    private long title(String name) {
        return catalogueService.addTitle(officerA, new Catalogue.TitleDraft(null, name, "罗贯中", "人民文学出版社", 1998,
                category("CLASSICS"), ""), null);
    }

    private Copy oneCopy(long titleId, long roomId, Viewer officer) {
        return catalogueService.addCopies(officer, titleId, roomId, 1).getFirst();
    }

    private long openLoanOn(Copy c) {
        return jdbc.sql("SELECT id FROM library_loan WHERE copy_id = ? AND returned_at IS NULL").param(c.id())
                .query(Long.class).single();
    }

    private Copies.Status statusOf(Copy c) {
        return copies.find(c.id()).orElseThrow().status();
    }

    @Test
    void aReaderBorrowsRenewsAndReturnsAndNobodyElseGetsTheCopyMeanwhile() {
        long t = title("三国演义");
        Copy copy = oneCopy(t, roomA, officerA);
        Circulation.Borrowed b = circulation.borrow(readers.get(0), copy.barcode().toLowerCase());
        assertThat(statusOf(copy)).isEqualTo(Copies.Status.ON_LOAN);
        assertThat(b.dueAt().toLocalDate()).isEqualTo(LocalDate.now().plusDays(30));
        assertThatThrownBy(() -> circulation.borrow(readers.get(1), copy.barcode())).isInstanceOf(Refusal.class)
                .hasMessage("library.error.onLoan");
        assertThatThrownBy(() -> circulation.borrow(readers.get(0), copy.barcode())).isInstanceOf(Refusal.class)
                .hasMessage("library.error.alreadyYours");

        assertThat(circulation.renew(readers.get(0), b.loanId()).toLocalDate()).isEqualTo(LocalDate.now().plusDays(60));
        circulation.renew(readers.get(0), b.loanId());
        assertThatThrownBy(() -> circulation.renew(readers.get(0), b.loanId())).isInstanceOf(Refusal.class)
                .hasMessage("library.error.noRenewalsLeft");
        assertThatThrownBy(() -> circulation.renew(readers.get(1), b.loanId())).isInstanceOf(NotFoundException.class);

        Circulation.Returned r = circulation.returnCopy(readers.get(0), copy.barcode(), roomA);
        assertThat(r.copyStatus()).isEqualTo(Copies.Status.AVAILABLE);
        assertThatThrownBy(() -> circulation.returnCopy(readers.get(0), copy.barcode(), roomA))
                .isInstanceOf(Refusal.class).hasMessage("library.error.notOnLoan");
        circulation.borrow(readers.get(1), copy.barcode());
    }

    @Test
    void aCopyReturnedAtAnotherRoomGoesHomeUnlessItFloats() {
        long t = title("水浒传");
        Copy copy = oneCopy(t, roomA, officerA);
        circulation.borrow(readers.get(0), copy.barcode());
        assertThat(circulation.returnCopy(officerB, copy.barcode(), roomB).copyStatus()).isEqualTo(Copies.Status.IN_TRANSIT);
        assertThat(copies.find(copy.id()).orElseThrow().roomId()).isEqualTo(roomA);
        assertThatThrownBy(() -> circulation.receive(officerB, roomB, copy.barcode())).isInstanceOf(Refusal.class)
                .hasMessage("library.error.headingElsewhere");
        assertThatThrownBy(() -> circulation.borrow(readers.get(1), copy.barcode())).isInstanceOf(Refusal.class)
                .hasMessage("library.error.notLendable");
        assertThat(circulation.receive(officerA, roomA, copy.barcode()).copyStatus()).isEqualTo(Copies.Status.AVAILABLE);

        // A floating policy for classics: the copy stays where it was returned and that room becomes its home.
        Policies.Policy floating = new Policies.Policy(0, "漂流 Floating" + System.nanoTime(), 30, 5, 2, true, 3, true);
        long policyId = policies.insertPolicy(floating);
        policies.setRule("ANY", category("CLASSICS"), policyId);
        try {
            circulation.borrow(readers.get(0), copy.barcode());
            assertThat(circulation.returnCopy(readers.get(0), copy.barcode(), roomB).copyStatus())
                    .isEqualTo(Copies.Status.AVAILABLE);
            assertThat(copies.find(copy.id()).orElseThrow().homeRoomId()).isEqualTo(roomB);
        } finally {
            jdbc.sql("DELETE FROM library_rule WHERE policy_id = ?").param(policyId).update();
        }
    }

    @Test
    void theMostSpecificRuleApplies() {
        long classics = category("CLASSICS");
        long literature = category("LITERATURE");
        String stamp = String.valueOf(System.nanoTime());
        long forMembers = policies.insertPolicy(new Policies.Policy(0, "M" + stamp, 10, 1, 0, false, 2, false));
        long forLiterature = policies.insertPolicy(new Policies.Policy(0, "L" + stamp, 20, 3, 1, true, 2, false));
        try {
            assertThat(policies.policyFor(Policies.ReaderType.MEMBER, catalogue.categoryAndAncestors(classics)).loanDays())
                    .isEqualTo(30);
            assertThat(policies.policyFor(Policies.ReaderType.NON_MEMBER, catalogue.categoryAndAncestors(classics))
                    .loanDays()).isEqualTo(14);
            policies.setRule("ANY", literature, forLiterature);
            assertThat(policies.policyFor(Policies.ReaderType.MEMBER, catalogue.categoryAndAncestors(classics)).loanDays())
                    .isEqualTo(20);
            // The reader's own type beats ANY, even with a less specific category.
            policies.setRule("MEMBER", null, forMembers);
            assertThat(policies.policyFor(Policies.ReaderType.MEMBER, catalogue.categoryAndAncestors(classics)).loanDays())
                    .isEqualTo(10);
            assertThat(policies.policyFor(Policies.ReaderType.NON_MEMBER, catalogue.categoryAndAncestors(classics))
                    .loanDays()).isEqualTo(14);

            long t = title("红楼梦");
            Copy c1 = oneCopy(t, roomA, officerA);
            Copy c2 = oneCopy(t, roomA, officerA);
            circulation.borrow(readers.get(0), c1.barcode());
            assertThatThrownBy(() -> circulation.borrow(readers.get(0), c2.barcode())).isInstanceOf(Refusal.class)
                    .hasMessage("library.error.tooManyLoans");
        } finally {
            jdbc.sql("DELETE FROM library_rule WHERE policy_id IN (?, ?)").params(forMembers, forLiterature).update();
        }
        long none = policies.insertPolicy(new Policies.Policy(0, "N" + stamp, 10, 0, 0, false, 2, false));
        policies.setRule("NON_MEMBER", null, none);
        try {
            Copy c3 = oneCopy(title("西游记"), roomA, officerA);
            assertThatThrownBy(() -> circulation.borrow(nonMember, c3.barcode())).isInstanceOf(Refusal.class)
                    .hasMessage("library.error.mayNotBorrow");
        } finally {
            jdbc.sql("UPDATE library_rule SET policy_id = (SELECT id FROM library_policy WHERE name = '非会员 Non-members')"
                    + " WHERE reader_type = 'NON_MEMBER' AND category_id IS NULL").update();
        }
    }

    @Test
    void holdsQueueInArrivalOrderAndAReturnedCopyWaitsForTheHeadAtThePickupRoom() {
        long t = title("三国志");
        Copy copy = oneCopy(t, roomA, officerA);
        assertThatThrownBy(() -> circulation.placeHold(readers.get(1), t, roomB)).isInstanceOf(Refusal.class)
                .hasMessage("library.error.onTheShelf");
        circulation.borrow(readers.get(0), copy.barcode());
        assertThat(circulation.placeHold(readers.get(1), t, roomB)).isEqualTo(1);
        assertThat(circulation.placeHold(readers.get(2), t, roomA)).isEqualTo(2);
        assertThatThrownBy(() -> circulation.placeHold(readers.get(1), t, roomA)).isInstanceOf(Refusal.class)
                .hasMessage("library.error.alreadyHeld");
        assertThatThrownBy(() -> circulation.placeHold(readers.get(0), t, roomA)).isInstanceOf(Refusal.class)
                .hasMessage("library.error.alreadyYours");
        assertThatThrownBy(() -> circulation.renew(readers.get(0), openLoanOn(copy)))
                .isInstanceOf(Refusal.class).hasMessage("library.error.heldByOthers");

        // Returned at room B, the first holder's pickup room: on the hold shelf there, and they are told.
        assertThat(circulation.returnCopy(officerB, copy.barcode(), roomB).copyStatus())
                .isEqualTo(Copies.Status.ON_HOLD_SHELF);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = ?")
                .params(readers.get(1).employeeId(), "/library/titles/" + t).query(Long.class).single() == 1);
        assertThatThrownBy(() -> circulation.borrow(readers.get(2), copy.barcode())).isInstanceOf(Refusal.class)
                .hasMessage("library.error.heldForAnother");
        assertThat(holds.openOf(readers.get(2).employeeId(), t).orElseThrow().place()).isEqualTo(1);

        // The first does not come: the pickup expires and the copy travels to the next holder's room.
        jdbc.sql("UPDATE library_hold SET pickup_by = now() - interval '1 minute' WHERE title_id = ? AND status = 'READY'")
                .param(t).update();
        assertThat(circulation.expirePickups()).isGreaterThanOrEqualTo(1);
        assertThat(holds.openOf(readers.get(1).employeeId(), t)).isEmpty();
        assertThat(statusOf(copy)).isEqualTo(Copies.Status.IN_TRANSIT);
        assertThat(circulation.receive(officerA, roomA, copy.barcode()).copyStatus()).isEqualTo(Copies.Status.ON_HOLD_SHELF);
        circulation.borrow(readers.get(2), copy.barcode());
        assertThat(holds.of(readers.get(2).employeeId()).getFirst().status()).isEqualTo(Holds.Status.FULFILLED);
    }

    @Test
    void aCancelledReadyHoldPassesTheCopyOnAndANewCopyServesTheQueue() {
        long t = title("聊斋志异");
        Copy copy = oneCopy(t, roomA, officerA);
        circulation.borrow(readers.get(0), copy.barcode());
        circulation.placeHold(readers.get(1), t, roomA);
        circulation.placeHold(readers.get(2), t, roomA);
        circulation.returnCopy(readers.get(0), copy.barcode(), roomA);
        long first = holds.openOf(readers.get(1).employeeId(), t).orElseThrow().id();
        circulation.cancelHold(readers.get(1), first);
        assertThat(holds.openOf(readers.get(2).employeeId(), t).orElseThrow().status()).isEqualTo(Holds.Status.READY);

        circulation.placeHold(readers.get(3), t, roomA);
        Copy second = oneCopy(t, roomA, officerA);
        assertThat(statusOf(second)).isEqualTo(Copies.Status.ON_HOLD_SHELF);
        assertThat(holds.openOf(readers.get(3).employeeId(), t).orElseThrow().copyId()).isEqualTo(second.id());
    }

    @Test
    void sixteenReadersScanningOneCopyAtOnceMakeOneLoan() throws Exception {
        Copy copy = oneCopy(title("围城"), roomA, officerA);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (Viewer r : readers.subList(0, 16)) {
            tries.add(pool.submit(() -> {
                go.await();
                try {
                    circulation.borrow(r, copy.barcode());
                    return true;
                } catch (Refusal refused) {
                    return false;
                }
            }));
        }
        go.countDown();
        int lent = 0;
        for (Future<Boolean> f : tries) {
            lent += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(lent).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM library_loan WHERE copy_id = ?").param(copy.id()).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void twentyReadersHoldingAtOnceGetPlacesOneToTwentyWithNoGapOrTwin() throws Exception {
        long t = title("平凡的世界");
        Copy copy = oneCopy(t, roomA, officerA);
        circulation.borrow(nonMember, copy.barcode());
        List<Viewer> waiting = readers.subList(0, 20);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> places = new ArrayList<>();
        for (Viewer r : waiting) {
            places.add(pool.submit(() -> {
                go.await();
                return circulation.placeHold(r, t, roomA);
            }));
        }
        go.countDown();
        List<Integer> got = new ArrayList<>();
        for (Future<Integer> f : places) {
            got.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Collections.sort(got);
        assertThat(got).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        // The order of the places is the order of the queue numbers.
        List<Long> byQueue = jdbc.sql("SELECT employee_id FROM library_hold WHERE title_id = ? ORDER BY queue_no")
                .param(t).query(Long.class).list();
        for (int i = 0; i < byQueue.size(); i++) {
            assertThat(holds.openOf(byQueue.get(i), t).orElseThrow().place()).isEqualTo(i + 1);
        }
    }

    @Test
    void anotherUnitsOfficerCannotLendReceiveOrStockARoomAndAnOverdueReaderIsBlockedAndReminded() {
        long t = title("活着");
        Copy copy = oneCopy(t, roomA, officerA);
        assertThatThrownBy(() -> catalogueService.addCopies(officerB, t, roomA, 1))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> circulation.lendAtDesk(officerB, roomA, copy.barcode(), readers.get(0).employeeId()))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> circulation.lendAtDesk(officerB, roomB, copy.barcode(), readers.get(0).employeeId()))
                .isInstanceOf(Refusal.class).hasMessage("library.error.notInThisRoom");
        assertThatThrownBy(() -> circulation.retire(officerB, copy.barcode(), Copies.Status.LOST, null))
                .isInstanceOf(OutOfScopeException.class);
        Circulation.Borrowed b = circulation.lendAtDesk(officerA, roomA, copy.barcode(), readers.get(0).employeeId());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'library.lend' AND target_id = ?")
                .param(String.valueOf(b.loanId())).query(Long.class).single()).isEqualTo(1);

        jdbc.sql("UPDATE library_loan SET borrowed_at = now() - interval '70 days', due_at = now() - interval '40 days'"
                + " WHERE id = ?").param(b.loanId()).update();
        Copy other = oneCopy(title("许三观卖血记"), roomA, officerA);
        assertThatThrownBy(() -> circulation.borrow(readers.get(0), other.barcode())).isInstanceOf(Refusal.class)
                .hasMessage("library.error.blockedOverdue");
        reminders.remind();
        assertThat(jdbc.sql("SELECT count(*) FROM library_loan WHERE id = ? AND overdue_told_at IS NOT NULL")
                .param(b.loanId()).query(Long.class).single()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(readers.get(0).employeeId(), "已逾期：活着").query(Long.class).single() == 1);
        reminders.remind();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(readers.get(0).employeeId(), "已逾期：活着").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoNodesRemindingAtOnceTellEachReaderOnceThatTheirLoanFallsDue() throws Exception {
        List<Long> loans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Copy copy = oneCopy(title("平凡的世界 第" + (i + 1) + "部"), roomA, officerA);
            loans.add(circulation.lendAtDesk(officerA, roomA, copy.barcode(), readers.get(i).employeeId()).loanId());
        }
        jdbc.sql("UPDATE library_loan SET due_at = now() + interval '1 day' WHERE id = ANY(?::bigint[])")
                .param(loans.toArray(Long[]::new)).update();

        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(nodes.submit(() -> {
                    go.await();
                    return reminders.remind();
                }));
            }
            go.countDown();
            for (Future<Integer> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        }
        reminders.remind();
        assertThat(jdbc.sql("SELECT count(*) FROM library_loan WHERE id = ANY(?::bigint[]) AND reminded_at IS NOT NULL")
                .param(loans.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            long reader = readers.get(i).employeeId();
            String title = "即将到期：平凡的世界 第" + (i + 1) + "部";
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dueSoonNotices(reader, title) == 1);
        }
        Thread.sleep(500);
        for (int i = 0; i < 3; i++) {
            assertThat(dueSoonNotices(readers.get(i).employeeId(), "即将到期：平凡的世界 第" + (i + 1) + "部"))
                    .as("one reminder, not one per node").isEqualTo(1);
        }
    }

    private long dueSoonNotices(long employeeId, String title) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(employeeId, title).query(Long.class).single();
    }

    @Test
    void aSuggestionIsDecidedByTheRoomsOfficersWithAReplyWhenDeclined() {
        assertThatThrownBy(() -> suggestions.suggest(readers.get(0), roomA, "人类简史", "", "978-7-5086-4735-8", ""))
                .isInstanceOf(Refusal.class).hasMessage("library.error.badIsbn");
        long id = suggestions.suggest(readers.get(0), roomA, "人类简史", "尤瓦尔·赫拉利", "7-5086-4735-1", "想读");
        assertThat(suggestions.find(id).orElseThrow().isbn13()).isEqualTo("9787508647357");
        assertThatThrownBy(() -> suggestions.decide(officerB, id, Suggestions.Status.ACCEPTED, ""))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> suggestions.decide(officerA, id, Suggestions.Status.DECLINED, " "))
                .isInstanceOf(Refusal.class).hasMessage("library.error.replyRequired");
        suggestions.decide(officerA, id, Suggestions.Status.ACCEPTED, "");
        suggestions.decide(officerA, id, Suggestions.Status.ACQUIRED, "已上架二楼");
        assertThatThrownBy(() -> suggestions.decide(officerA, id, Suggestions.Status.DECLINED, "不要了"))
                .isInstanceOf(Refusal.class).hasMessage("library.error.alreadyDecided");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification WHERE employee_id = ? AND link = '/library/suggestions'")
                .param(readers.get(0).employeeId()).query(Long.class).single() == 2);
    }
}
