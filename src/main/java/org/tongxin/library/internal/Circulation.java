package org.tongxin.library.internal;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Copies.Status;
import org.tongxin.library.internal.Holds.Hold;
import org.tongxin.library.internal.Loans.Loan;
import org.tongxin.library.internal.Policies.Policy;
import org.tongxin.library.internal.Policies.ReaderType;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Circulation: borrowing (scanned at the shelf or lent at the desk), returns at any room, renewals, holds and
 * transit. The database keeps the invariants whatever the concurrency (one open loan per copy, one open hold per
 * reader and title, one hold per caught copy); the locks below keep the decisions consistent:
 * <ul>
 * <li>a reader's borrowing takes turns on the reader (an advisory lock), so two scans at once cannot both pass
 * the loan limit;</li>
 * <li>whatever gives a copy to the holds queue (a return, an arrival, a new copy, a missed or cancelled pickup)
 * locks the title, then the copy; placing a hold locks the title, so a hold is never placed beside a copy that
 * has just come free without seeing it.</li>
 * </ul>
 */
@Service
public class Circulation {

    /** Key space of the readers' advisory locks (ASCII "LIB"). */
    private static final int READER_LOCK = 0x4C4942;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** What a loan came to. */
    public record Borrowed(long loanId, long titleId, String title, OffsetDateTime dueAt) {
    }

    /** Where a returned copy went: its shelf, a hold shelf (someone's hold), or on its way to another room. */
    public record Returned(String title, Status copyStatus, long roomId) {
    }

    private final Catalogue catalogue;
    private final Copies copies;
    private final Loans loans;
    private final Holds holds;
    private final Policies policies;
    private final Rooms rooms;
    private final MemberDirectory members;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int blockAfterOverdueDays;
    private final LoanSnapshots snapshots;

    Circulation(Catalogue catalogue, Copies copies, Loans loans, Holds holds, Policies policies, Rooms rooms,
                MemberDirectory members, OrgDirectory org, AuditTrail audit, ApplicationEventPublisher events,
                JdbcClient jdbc, Optional<Clock> clock,
                @Value("${tongxin.library.block-after-overdue-days:30}") int blockAfterOverdueDays,
                LoanSnapshots snapshots) {
        this.catalogue = catalogue;
        this.copies = copies;
        this.loans = loans;
        this.holds = holds;
        this.policies = policies;
        this.rooms = rooms;
        this.members = members;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.blockAfterOverdueDays = blockAfterOverdueDays;
        this.snapshots = snapshots;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The policy that applies to this reader for this title. */
    public Policy policyFor(long employeeId, long titleId) {
        long categoryId = catalogue.find(titleId).orElseThrow(() -> new NotFoundException("title " + titleId)).categoryId();
        return policies.policyFor(readerType(employeeId), catalogue.categoryAndAncestors(categoryId));
    }

    public ReaderType readerType(long employeeId) {
        return members.isMember(employeeId) ? ReaderType.MEMBER : ReaderType.NON_MEMBER;
    }

    /** The reader borrows the copy they scanned at the shelf. */
    @Transactional
    public Borrowed borrow(Viewer reader, String barcode) {
        long employeeId = employeeOf(reader);
        return lend(employeeId, barcode, null, null);
    }

    /** An officer lends a copy of their room to an employee at the desk. */
    @Transactional
    public Borrowed lendAtDesk(Viewer officer, long roomId, String barcode, long employeeId) {
        Room room = managedRoom(officer, roomId);
        org.employee(employeeId).orElseThrow(() -> new Refusal("library.error.noSuchReader"));
        Borrowed b = lend(employeeId, barcode, officer, room);
        audit.record(officer, "library.lend", "library_loan", b.loanId(), room.unitId(), b.title() + " " + barcode,
                Map.of(), Map.of("employeeId", employeeId, "dueAt", b.dueAt()));
        return b;
    }

    private Borrowed lend(long employeeId, String barcode, Viewer officer, Room desk) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(READER_LOCK, (int) employeeId).query(Object.class).single();
        Copy copy = copies.lockByBarcode(normal(barcode)).orElseThrow(() -> new NotFoundException("copy " + barcode));
        if (desk != null && copy.roomId() != desk.id()) {
            throw new Refusal("library.error.notInThisRoom");
        }
        Optional<Hold> caught = Optional.empty();
        switch (copy.status()) {
            case AVAILABLE -> { }
            case ON_HOLD_SHELF -> {
                caught = holds.caughtFor(copy.id()).filter(h -> h.employeeId() == employeeId);
                if (caught.isEmpty()) {
                    throw new Refusal("library.error.heldForAnother");
                }
            }
            case ON_LOAN -> throw new Refusal(loans.openOnCopy(copy.id()).map(Loan::employeeId).orElse(-1L) == employeeId
                    ? "library.error.alreadyYours" : "library.error.onLoan");
            default -> throw new Refusal("library.error.notLendable");
        }
        Policy policy = policyFor(employeeId, copy.titleId());
        if (!policy.mayBorrow()) {
            throw new Refusal("library.error.mayNotBorrow");
        }
        OffsetDateTime now = now();
        if (loans.overdueSince(employeeId, now.minusDays(blockAfterOverdueDays))) {
            throw new Refusal("library.error.blockedOverdue");
        }
        if (loans.openCount(employeeId) >= policy.maxLoans()) {
            throw new Refusal("library.error.tooManyLoans");
        }
        OffsetDateTime due = endOfDay(now, policy.loanDays());
        long loanId = loans.insert(copy.id(), employeeId, copy.roomId(), officer == null ? "SELF" : "DESK",
                officer == null ? null : officer.accountId(), now, due);
        copies.move(copy.id(), Status.ON_LOAN, copy.roomId());
        caught.ifPresent(h -> holds.close(h.id(), Holds.Status.FULFILLED, now));
        snapshots.changed(loanId);
        String title = catalogue.find(copy.titleId()).orElseThrow().title();
        return new Borrowed(loanId, copy.titleId(), title, due);
    }

    /**
     * The copy comes back at a room: by the borrower at the room's return shelf, or taken in by an officer of
     * the room. It goes to the head of the holds queue, back on the shelf, or on its way home.
     */
    @Transactional
    public Returned returnCopy(Viewer actor, String barcode, long roomId) {
        Room room = rooms.find(roomId).orElseThrow(() -> new NotFoundException("room " + roomId));
        Copy unlocked = copies.byBarcode(normal(barcode)).orElseThrow(() -> new NotFoundException("copy " + barcode));
        catalogue.lock(unlocked.titleId());
        Copy copy = copies.lock(unlocked.id());
        Loan loan = loans.openOnCopy(copy.id()).orElseThrow(() -> new Refusal("library.error.notOnLoan"));
        boolean self = actor.employeeId() != null && actor.employeeId() == loan.employeeId();
        if (!self) {
            org.managedUnit(actor, room.unitId());
        }
        OffsetDateTime now = now();
        loans.close(loan.id(), now, roomId, self ? null : actor.accountId());
        snapshots.changed(loan.id());
        Policy policy = policyFor(loan.employeeId(), copy.titleId());
        Status status = settle(copy, roomId, policy.floating(), now);
        if (!self) {
            audit.record(actor, "library.return", "library_loan", loan.id(), room.unitId(), loan.title() + " " + copy.barcode(),
                    Map.of("dueAt", loan.dueAt()), Map.of("status", status));
        }
        return new Returned(loan.title(), status, copies.find(copy.id()).orElseThrow().roomId());
    }

    /** An officer of the room takes in a copy that was on its way there. */
    @Transactional
    public Returned receive(Viewer officer, long roomId, String barcode) {
        Room room = managedRoom(officer, roomId);
        Copy unlocked = copies.byBarcode(normal(barcode)).orElseThrow(() -> new NotFoundException("copy " + barcode));
        catalogue.lock(unlocked.titleId());
        Copy copy = copies.lock(unlocked.id());
        if (copy.status() != Status.IN_TRANSIT) {
            throw new Refusal("library.error.notInTransit");
        }
        if (copy.roomId() != roomId) {
            throw new Refusal("library.error.headingElsewhere");
        }
        OffsetDateTime now = now();
        Optional<Hold> caught = holds.caughtFor(copy.id());
        Status status;
        if (caught.isPresent()) {
            makeReady(caught.get(), copy, roomId, now);
            status = Status.ON_HOLD_SHELF;
        } else {
            // Its hold was given up on the way: it is settled as a return here would be.
            status = settle(copy, roomId, false, now);
        }
        String title = catalogue.find(copy.titleId()).orElseThrow().title();
        audit.record(officer, "library.receive", "library_copy", copy.id(), room.unitId(), title + " " + copy.barcode(),
                Map.of("status", copy.status()), Map.of("status", status));
        return new Returned(title, status, copies.find(copy.id()).orElseThrow().roomId());
    }

    /**
     * Gives a copy that has come free at a room to the holds queue (the title's lock and the copy's lock are
     * held): to the head's hold shelf here, or on its way to the head's pickup room; with nobody waiting, back
     * on the shelf here (its home, or any room when the copy floats) or on its way home.
     */
    Status settle(Copy copy, long roomId, boolean floating, OffsetDateTime now) {
        Optional<Hold> head = holds.head(copy.titleId());
        if (head.isPresent()) {
            Hold h = head.get();
            if (h.pickupRoomId() == roomId) {
                makeReady(h, copy, roomId, now);
                return Status.ON_HOLD_SHELF;
            }
            holds.inTransit(h.id(), copy.id());
            copies.move(copy.id(), Status.IN_TRANSIT, h.pickupRoomId());
            return Status.IN_TRANSIT;
        }
        if (roomId == copy.homeRoomId() || floating) {
            copies.move(copy.id(), Status.AVAILABLE, roomId);
            if (roomId != copy.homeRoomId()) {
                copies.rehome(copy.id(), roomId);
            }
            return Status.AVAILABLE;
        }
        copies.move(copy.id(), Status.IN_TRANSIT, copy.homeRoomId());
        return Status.IN_TRANSIT;
    }

    private void makeReady(Hold h, Copy copy, long roomId, OffsetDateTime now) {
        Policy policy = policyFor(h.employeeId(), copy.titleId());
        OffsetDateTime by = endOfDay(now, policy.pickupDays());
        holds.ready(h.id(), copy.id(), now, by);
        copies.move(copy.id(), Status.ON_HOLD_SHELF, roomId);
        String room = rooms.find(roomId).map(Room::name).orElse("");
        events.publishEvent(NotificationRequested.toEmployee(h.employeeId(),
                Message.of(NoticeKind.LIBRARY, "library.hold-ready", "/library/titles/" + h.titleId(), h.title(), room,
                        DAY.format(by))));
    }

    /** Renews a loan: not past the policy's renewals, not while someone waits for the title, not while blocked. */
    @Transactional
    public OffsetDateTime renew(Viewer reader, long loanId) {
        long employeeId = employeeOf(reader);
        Loan loan = loans.find(loanId).filter(l -> l.employeeId() == employeeId && l.open())
                .orElseThrow(() -> new NotFoundException("loan " + loanId));
        catalogue.lock(loan.titleId());
        jdbc.sql("SELECT id FROM library_loan WHERE id = ? FOR UPDATE").param(loanId).query(Long.class).single();
        Loan current = loans.find(loanId).orElseThrow();
        if (!current.open()) {
            throw new NotFoundException("loan " + loanId);
        }
        Policy policy = policyFor(employeeId, loan.titleId());
        if (current.renewals() >= policy.renewals()) {
            throw new Refusal("library.error.noRenewalsLeft");
        }
        if (holds.waiting(loan.titleId()) > 0) {
            throw new Refusal("library.error.heldByOthers");
        }
        OffsetDateTime now = now();
        if (loans.overdueSince(employeeId, now.minusDays(blockAfterOverdueDays))) {
            throw new Refusal("library.error.blockedOverdue");
        }
        OffsetDateTime from = current.dueAt().isAfter(now) ? current.dueAt() : now;
        OffsetDateTime due = endOfDay(from, policy.loanDays());
        loans.renew(loanId, due);
        snapshots.changed(loanId);
        return due;
    }

    /**
     * Places a hold on a title none of whose copies is on a shelf; the reader waits in arrival order and is told
     * when a copy is on the hold shelf of the pickup room.
     *
     * @return the reader's place in the queue
     */
    @Transactional
    public int placeHold(Viewer reader, long titleId, long pickupRoomId) {
        long employeeId = employeeOf(reader);
        rooms.find(pickupRoomId).orElseThrow(() -> new Refusal("library.error.noSuchRoom"));
        Policy policy = policyFor(employeeId, titleId);
        if (!policy.holdsAllowed()) {
            throw new Refusal("library.error.holdsNotAllowed");
        }
        catalogue.lock(titleId);
        if (copies.availableCount(titleId) > 0) {
            throw new Refusal("library.error.onTheShelf");
        }
        if (copies.ofTitle(titleId).stream().noneMatch(c -> c.status() != Status.LOST && c.status() != Status.WITHDRAWN)) {
            throw new Refusal("library.error.noCopies");
        }
        if (loans.holdsOpenLoanOfTitle(employeeId, titleId)) {
            throw new Refusal("library.error.alreadyYours");
        }
        if (holds.openOf(employeeId, titleId).isPresent()) {
            throw new Refusal("library.error.alreadyHeld");
        }
        long id = holds.insert(titleId, employeeId, pickupRoomId);
        return holds.find(id).orElseThrow().place();
    }

    /** The reader gives up a hold; a copy caught for it goes to the next in the queue. */
    @Transactional
    public void cancelHold(Viewer reader, long holdId) {
        long employeeId = employeeOf(reader);
        Hold hold = holds.find(holdId).filter(h -> h.employeeId() == employeeId)
                .orElseThrow(() -> new NotFoundException("hold " + holdId));
        catalogue.lock(hold.titleId());
        Hold current = holds.find(holdId).orElseThrow();
        if (!current.status().open()) {
            throw new Refusal("library.error.holdClosed");
        }
        OffsetDateTime now = now();
        holds.close(holdId, Holds.Status.CANCELLED, now);
        if (current.status() == Holds.Status.READY) {
            Copy copy = copies.lock(current.copyId());
            settle(copy, copy.roomId(), false, now);
        }
        // A copy in transit for the cancelled hold travels on; its arrival settles it.
    }

    /** Ready holds not picked up in time expire; each copy passes to the next in its queue. Returns how many. */
    @Transactional
    public int expirePickups() {
        OffsetDateTime now = now();
        int n = 0;
        for (Hold missed : holds.pickupsMissed(now)) {
            catalogue.lock(missed.titleId());
            Hold current = holds.find(missed.id()).orElseThrow();
            if (current.status() != Holds.Status.READY) {
                continue;
            }
            Copy copy = copies.lock(current.copyId());
            holds.close(current.id(), Holds.Status.EXPIRED, now);
            settle(copy, copy.roomId(), false, now);
            events.publishEvent(NotificationRequested.toEmployee(current.employeeId(),
                    Message.of(NoticeKind.LIBRARY, "library.pickup-missed", "/library/titles/" + current.titleId(),
                            current.title())));
            n++;
        }
        return n;
    }

    /** An officer marks a copy of their room lost or withdrawn (not while it is on loan). */
    @Transactional
    public void retire(Viewer officer, String barcode, Status status, String note) {
        if (status != Status.LOST && status != Status.WITHDRAWN) {
            throw new IllegalArgumentException(status.name());
        }
        Copy unlocked = copies.byBarcode(normal(barcode)).orElseThrow(() -> new NotFoundException("copy " + barcode));
        Room room = managedRoom(officer, unlocked.homeRoomId());
        catalogue.lock(unlocked.titleId());
        Copy copy = copies.lock(unlocked.id());
        if (copy.status() == Status.ON_LOAN) {
            throw new Refusal("library.error.onLoan");
        }
        OffsetDateTime now = now();
        Optional<Hold> caught = holds.caughtFor(copy.id());
        copies.setStatus(copy.id(), status, note == null || note.isBlank() ? null : note.trim());
        // Whoever the copy was caught for goes back to the head of the queue, keeping their number.
        caught.ifPresent(h -> jdbc.sql("""
                        UPDATE library_hold SET status = 'WAITING', copy_id = NULL, ready_at = NULL, pickup_by = NULL
                        WHERE id = ?""").param(h.id()).update());
        audit.record(officer, "library.retire", "library_copy", copy.id(), room.unitId(), copy.barcode(),
                Map.of("status", copy.status()), Map.of("status", status));
    }

    /** Gives a newly added copy to the holds queue if anyone waits for its title. */
    void offerNewCopy(long copyId) {
        Copy unlocked = copies.find(copyId).orElseThrow();
        catalogue.lock(unlocked.titleId());
        Copy copy = copies.lock(copyId);
        if (holds.head(copy.titleId()).isPresent()) {
            settle(copy, copy.roomId(), false, now());
        }
    }

    /** The room, when the officer manages the unit running it; 404 otherwise. */
    public Room managedRoom(Viewer officer, long roomId) {
        Room room = rooms.find(roomId).orElseThrow(() -> new NotFoundException("room " + roomId));
        org.managedUnit(officer, room.unitId());
        return room;
    }

    private OffsetDateTime endOfDay(OffsetDateTime from, int days) {
        return from.atZoneSameInstant(clock.getZone()).toLocalDate().plusDays(days).atTime(LocalTime.of(23, 59, 59))
                .atZone(clock.getZone()).toOffsetDateTime();
    }

    private static long employeeOf(Viewer viewer) {
        if (viewer.employeeId() == null) {
            throw new Refusal("library.error.notAnEmployee");
        }
        return viewer.employeeId();
    }

    private static String normal(String barcode) {
        return barcode == null ? "" : barcode.trim().toUpperCase();
    }
}
