package org.tongxin.activity.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Registrations and the seats they hold. A registration is confirmed while it holds a seat and waitlisted
 * while it does not; the waitlist is the active registrations without a seat in queue order.
 */
@Repository
public class Registrations {

    /** A registration as lists show it. */
    public record Entry(long id, long activityId, long employeeId, OffsetDateTime createdAt, long queueNo,
                        Integer seatNo, OffsetDateTime checkedInAt) {

        public boolean confirmed() {
            return seatNo != null;
        }
    }

    /** What one sign-up did: the registration (null when the person was already registered) and the seat. */
    public record Claim(Long registrationId, Integer seatNo) {
    }

    /** Seats taken, seats in all, people waiting. */
    public record Counts(int taken, int seats, int waiting) {

        public boolean full() {
            return taken >= seats;
        }
    }

    private static final String ENTRY = """
            SELECT r.id, r.activity_id, r.employee_id, r.created_at, r.queue_no, s.seat_no, r.checked_in_at
            FROM activity_registration r LEFT JOIN activity_seat s ON s.registration_id = r.id""";

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers and, when {@code takeSeat}, claims the lowest free seat that no other transaction is claiming,
     * all in one statement: the rush never queues on a shared counter, the unique index refuses a second
     * registration of the same person, and the seat rows bound the confirmed to the capacity.
     */
    public Claim register(long activityId, long employeeId, boolean takeSeat) {
        return jdbc.sql("""
                        WITH r AS (
                          INSERT INTO activity_registration (activity_id, employee_id, status, queue_no)
                          VALUES (?, ?, 'ACTIVE', nextval('activity_queue_seq'))
                          ON CONFLICT (activity_id, employee_id) WHERE status = 'ACTIVE' DO NOTHING
                          RETURNING id),
                        s AS (
                          SELECT seat_no FROM activity_seat
                          WHERE activity_id = ? AND registration_id IS NULL AND ? AND EXISTS (SELECT 1 FROM r)
                          ORDER BY seat_no LIMIT 1 FOR UPDATE SKIP LOCKED),
                        u AS (
                          UPDATE activity_seat t SET registration_id = r.id FROM r, s
                          WHERE t.activity_id = ? AND t.seat_no = s.seat_no
                          RETURNING t.seat_no)
                        SELECT (SELECT id FROM r) AS registration_id, (SELECT seat_no FROM u) AS seat_no""")
                .params(activityId, employeeId, activityId, takeSeat, activityId)
                .query((rs, i) -> new Claim(rs.getObject(1, Long.class), rs.getObject(2, Integer.class))).single();
    }

    public Optional<Entry> active(long activityId, long employeeId) {
        return jdbc.sql(ENTRY + " WHERE r.activity_id = ? AND r.employee_id = ? AND r.status = 'ACTIVE'")
                .params(activityId, employeeId).query(Entry.class).optional();
    }

    /** The person's active registrations among {@code activityIds}, by activity: one query for a list of cards. */
    public Map<Long, Entry> active(long employeeId, Collection<Long> activityIds) {
        Map<Long, Entry> out = new HashMap<>();
        if (!activityIds.isEmpty()) {
            jdbc.sql(ENTRY + " WHERE r.employee_id = ? AND r.activity_id = ANY(?) AND r.status = 'ACTIVE'")
                    .params(employeeId, activityIds.toArray(Long[]::new)).query(Entry.class).list()
                    .forEach(e -> out.put(e.activityId(), e));
        }
        return out;
    }

    /** Locks the person's registration for cancelling; empty when there is none (or another cancel holds it). */
    public Optional<Entry> activeForUpdate(long activityId, long employeeId) {
        return jdbc.sql("""
                        SELECT r.id, r.activity_id, r.employee_id, r.created_at, r.queue_no,
                          (SELECT seat_no FROM activity_seat s WHERE s.registration_id = r.id) AS seat_no, r.checked_in_at
                        FROM activity_registration r
                        WHERE r.activity_id = ? AND r.employee_id = ? AND r.status = 'ACTIVE' FOR UPDATE""")
                .params(activityId, employeeId).query(Entry.class).optional();
    }

    public void cancel(long registrationId) {
        jdbc.sql("UPDATE activity_registration SET status = 'CANCELLED', cancelled_at = now() WHERE id = ?")
                .param(registrationId).update();
    }

    /**
     * Gives the seat of a cancelled registration straight to the head of the waitlist, so that no newcomer
     * can take it first; frees it when nobody waits.
     *
     * <p>Handovers of one activity take turns on its row (a lock that sign-ups, which only key-share it, do
     * not wait for). Without the turn, two cancels at once could both pick the same head: the second reads
     * the waitlist before the first commits and locks the head just after, and the seat's unique index then
     * refuses the second cancel.
     *
     * @return the employee promoted, if any
     */
    public Optional<Long> passSeat(long activityId, long fromRegistrationId) {
        takeTurnOnSeats(activityId);
        Optional<Long[]> head = jdbc.sql("""
                        SELECT r.id, r.employee_id FROM activity_registration r
                        WHERE r.activity_id = ? AND r.status = 'ACTIVE'
                          AND NOT EXISTS (SELECT 1 FROM activity_seat s WHERE s.registration_id = r.id)
                        ORDER BY r.queue_no LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(activityId).query((rs, i) -> new Long[]{rs.getLong(1), rs.getLong(2)}).optional();
        jdbc.sql("UPDATE activity_seat SET registration_id = ? WHERE registration_id = ?")
                .params(head.map(h -> h[0]).orElse(null), fromRegistrationId).update();
        return head.map(h -> h[1]);
    }

    /**
     * Fills free seats from the waitlist in queue order: after a lottery draw, after capacity grows, or when a
     * seat stayed free because the transaction that claimed it rolled back.
     *
     * @return the employees promoted
     */
    public List<Long> fillFromWaitlist(long activityId) {
        takeTurnOnSeats(activityId);
        return jdbc.sql("""
                        WITH w AS (
                          SELECT r.id, r.employee_id, row_number() OVER (ORDER BY r.queue_no) AS n
                          FROM activity_registration r
                          WHERE r.activity_id = ? AND r.status = 'ACTIVE'
                            AND NOT EXISTS (SELECT 1 FROM activity_seat s WHERE s.registration_id = r.id)),
                        f AS (
                          SELECT seat_no, row_number() OVER (ORDER BY seat_no) AS n FROM (
                            SELECT seat_no FROM activity_seat WHERE activity_id = ? AND registration_id IS NULL
                            FOR UPDATE SKIP LOCKED) free)
                        UPDATE activity_seat t SET registration_id = w.id FROM w JOIN f USING (n)
                        WHERE t.activity_id = ? AND t.seat_no = f.seat_no
                        RETURNING w.employee_id""")
                .params(activityId, activityId, activityId).query(Long.class).list();
    }

    private void takeTurnOnSeats(long activityId) {
        jdbc.sql("SELECT id FROM activity WHERE id = ? FOR NO KEY UPDATE").param(activityId).query(Long.class).single();
    }

    /** Orders the active registrations by the given ids (a lottery's draw): first drawn, first in the queue. */
    public void requeue(List<Long> registrationIdsInOrder) {
        for (int i = 0; i < registrationIdsInOrder.size(); i++) {
            jdbc.sql("UPDATE activity_registration SET queue_no = ? WHERE id = ?")
                    .params(i + 1, registrationIdsInOrder.get(i)).update();
        }
    }

    /** Active registrations in queue order (arrival, or the draw). */
    public List<Entry> activeInQueueOrder(long activityId) {
        return jdbc.sql(ENTRY + " WHERE r.activity_id = ? AND r.status = 'ACTIVE' ORDER BY r.queue_no")
                .param(activityId).query(Entry.class).list();
    }

    /** Seats taken, seats and people waiting of each activity, in one query, by activity. */
    public Map<Long, Counts> counts(Collection<Long> activityIds) {
        Map<Long, Counts> out = new HashMap<>();
        if (!activityIds.isEmpty()) {
            jdbc.sql("""
                            SELECT a.id,
                              (SELECT count(*) FROM activity_seat WHERE activity_id = a.id AND registration_id IS NOT NULL)::int,
                              (SELECT count(*) FROM activity_seat WHERE activity_id = a.id)::int,
                              (SELECT count(*) FROM activity_registration r WHERE r.activity_id = a.id AND r.status = 'ACTIVE'
                                AND NOT EXISTS (SELECT 1 FROM activity_seat s WHERE s.registration_id = r.id))::int
                            FROM unnest(?::bigint[]) AS a(id)""")
                    .param(activityIds.toArray(Long[]::new))
                    .query((rs, i) -> out.put(rs.getLong(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
                    .list();
        }
        return out;
    }

    /** Place on the waitlist (1 = next), or empty when the person holds a seat or is not registered. */
    public Optional<Integer> waitlistPlace(long activityId, long employeeId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM activity_registration w WHERE w.activity_id = r.activity_id
                          AND w.status = 'ACTIVE' AND w.queue_no <= r.queue_no
                          AND NOT EXISTS (SELECT 1 FROM activity_seat s WHERE s.registration_id = w.id))::int
                        FROM activity_registration r
                        WHERE r.activity_id = ? AND r.employee_id = ? AND r.status = 'ACTIVE'
                          AND NOT EXISTS (SELECT 1 FROM activity_seat s WHERE s.registration_id = r.id)""")
                .params(activityId, employeeId).query(Integer.class).optional();
    }

    /** The employee's active registrations, soonest activity first. */
    public List<Entry> ofEmployee(long employeeId) {
        return jdbc.sql(ENTRY + " JOIN activity a ON a.id = r.activity_id WHERE r.employee_id = ? AND r.status = 'ACTIVE'"
                        + " ORDER BY a.starts_at DESC LIMIT 100")
                .param(employeeId).query(Entry.class).list();
    }

    /** Records a check-in once; returns false when the person had checked in already. */
    public boolean checkIn(long registrationId, OffsetDateTime at, long by) {
        return jdbc.sql("""
                        UPDATE activity_registration SET checked_in_at = ?, checked_in_by = ?
                        WHERE id = ? AND checked_in_at IS NULL""")
                .params(at, by, registrationId).update() == 1;
    }

    /** A seat held for an activity starting soon, claimed for its reminder. */
    public record Reminder(long activityId, long employeeId, String title, OffsetDateTime startsAt) {
    }

    /**
     * The seats of published activities starting after {@code now} and by {@code until} whose holders have not been
     * reminded, marked reminded in the same statement: rows another node is claiming are skipped and rows it has
     * marked no longer match, so each holder is reminded once.
     */
    public List<Reminder> takeStartingSoon(OffsetDateTime now, OffsetDateTime until) {
        return jdbc.sql("""
                        WITH due AS (
                          UPDATE activity_registration SET reminded_at = ? WHERE id IN (
                            SELECT r.id FROM activity_registration r JOIN activity a ON a.id = r.activity_id
                            WHERE r.status = 'ACTIVE' AND r.reminded_at IS NULL AND a.status = 'PUBLISHED'
                              AND a.starts_at > ? AND a.starts_at <= ?
                              AND EXISTS (SELECT 1 FROM activity_seat s WHERE s.registration_id = r.id)
                            FOR UPDATE OF r SKIP LOCKED)
                          RETURNING activity_id, employee_id)
                        SELECT d.activity_id, d.employee_id, a.title, a.starts_at
                        FROM due d JOIN activity a ON a.id = d.activity_id ORDER BY d.activity_id, d.employee_id""")
                .params(now, now, until).query(Reminder.class).list();
    }

    /** The activity's start moved: its seats are reminded again before the new start. */
    public void remindAgain(long activityId) {
        jdbc.sql("UPDATE activity_registration SET reminded_at = NULL WHERE activity_id = ? AND status = 'ACTIVE'")
                .param(activityId).update();
    }

    /** Everyone registered and active, for the cancellation notice. */
    public List<Long> activeEmployees(long activityId) {
        return jdbc.sql("SELECT employee_id FROM activity_registration WHERE activity_id = ? AND status = 'ACTIVE'")
                .param(activityId).query(Long.class).list();
    }
}
