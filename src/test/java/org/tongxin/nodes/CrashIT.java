package org.tongxin.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Fixtures;

/**
 * {@code kill -9} of node B while it is in the middle of a sign-up rush, an HR import, the exam deadline job grading
 * attempts whose time ran out, and an event whose listener has not run yet; then B is started again. One crash serves
 * every check (a node's start costs tens of seconds here): no confirmed registration lost or doubled, the import all
 * or nothing, every attempt graded once, the event's listener run once. The import and the grading are made to wait
 * at gates the test holds (see {@link #holdTheGates}), so the kill lands inside them on a quiet machine and a loaded
 * one alike, and each check first asserts that it did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashIT {

    private static final int CAPACITY = 15;
    private static final int IMPORT_ROWS = 9_000;
    private static final int ATTEMPTS = 1_500;
    /** The attempt number the test's attempts carry, far above any the demo makes. */
    private static final int ATTEMPT_NO = 50;
    /** The attempt B's deadline job is stopped at: after three batches of 200, with 99 graded in the fourth. */
    private static final int GATE_RANK = 700;
    private static final String IMPORT_AT_GATE = "%INSERT INTO import_run%";
    private static final String GRADING_AT_GATE = "%FROM training_attempt WHERE id = $1 FOR UPDATE%";

    private Cluster c;
    private long activity;
    private List<Rush.Person> people;
    private List<Rush.Press> presses;
    private List<OrgSetup.HrRow> rows;
    private CompletableFuture<HttpResponse<String>> importPost;
    private UUID pending;
    private long noticed;
    private long exam;
    private int gradedAtKill;
    private int runsBefore;
    private boolean importCutAtKill;
    private boolean gradingCutAtKill;

    @BeforeAll
    void crashInTheMiddle() throws Exception {
        c = Cluster.get();
        Browser admin = new Browser();
        admin.logIn(c.b, "admin", Cluster.DEMO_PASSWORD);
        people = Rush.people(c, 40);
        activity = Rush.activity(c, admin, c.a, "宕机抢报名", CAPACITY);
        String department = c.jdbc.sql("SELECT code FROM department ORDER BY id LIMIT 1").query(String.class).single();
        rows = new ArrayList<>();
        for (int i = 0; i < IMPORT_ROWS; i++) {
            rows.add(Fixtures.row(department));
        }
        exam = attemptsInProgress();
        runsBefore = importRuns();

        try (Connection gate = DriverManager.getConnection(c.url(), "postgres", "")) {
            gate.setAutoCommit(false);
            long gatePid = holdTheGates(gate);

            admin.page(c.b, "/org/import");
            byte[] file = Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8);
            importPost = CompletableFuture.supplyAsync(() -> {
                try {
                    return admin.uploadForm(c.b, "/org/import", "file", "employees.csv", "text/csv", file);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            timeRunsOut();
            await(Duration.ofMinutes(5), () -> (cutOnB(gatePid, IMPORT_AT_GATE) && cutOnB(gatePid, GRADING_AT_GATE)
                    && graded() > 0) || importPost.isDone());
            assertThat(importPost).as("the import waits at the gate instead of ending").isNotDone();
            assertThat(cutOnB(gatePid, GRADING_AT_GATE)).as("B's deadline job waits at the gate, " + graded()
                    + " attempts graded").isTrue();

            // Everyone presses again and again until B is gone: on a quiet machine one round is over in well under
            // a second, before the kill could land in it, while the kill must cut presses in flight.
            CompletableFuture<List<Rush.Press>> rush = CompletableFuture.supplyAsync(() -> {
                List<Rush.Press> all = new ArrayList<>();
                long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                try {
                    List<Rush.Press> round;
                    do {
                        round = Rush.run(c, people, activity);
                        all.addAll(round);
                    } while (round.stream().noneMatch(p -> p.node() == c.b && p.status() != 302)
                            && System.nanoTime() < until);
                    return all;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await(Duration.ofSeconds(10), () -> c.jdbc.sql(
                    "SELECT count(*) FROM activity_registration WHERE activity_id = ?").param(activity)
                    .query(Integer.class).single() >= 5);
            pending = incompletePublication();
            importCutAtKill = cutOnB(gatePid, IMPORT_AT_GATE);
            gradingCutAtKill = cutOnB(gatePid, GRADING_AT_GATE);
            c.b.kill();
            gradedAtKill = graded();
            presses = rush.get();
            // B's backends waiting at the gate outlive B until they are let through: then each finds its client
            // gone and its transaction is rolled back. Only after that do the checks below mean anything.
            gate.rollback();
        }
        await(Duration.ofMinutes(2), () -> c.jdbc.sql(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'node-b'").query(Integer.class)
                .single() == 0);
        c.b.start();
    }

    @Test
    void noConfirmedRegistrationIsLostOrDoubled() {
        assertThat(presses.stream().filter(p -> p.node() == c.b && p.status() != 302))
                .as("the kill cut some presses on B").isNotEmpty();
        List<Long> seated = c.jdbc.sql("""
                        SELECT r.employee_id FROM activity_seat s JOIN activity_registration r ON r.id = s.registration_id
                        WHERE s.activity_id = ? AND r.status = 'ACTIVE' ORDER BY r.employee_id""")
                .param(activity).query(Long.class).list();
        assertThat(seated).hasSize(CAPACITY).doesNotHaveDuplicates();
        List<Long> told = presses.stream().filter(p -> Rush.CONFIRMED.equals(p.told()))
                .map(p -> p.person().employeeId()).distinct().toList();
        assertThat(seated).as("everyone told they have a seat has it").containsAll(told);
        assertThat(c.jdbc.sql("""
                        SELECT count(*) FROM activity_registration WHERE activity_id = ? AND status = 'ACTIVE'
                        GROUP BY employee_id HAVING count(*) > 1""").param(activity).query(Integer.class).list())
                .isEmpty();
    }

    @Test
    void aSessionOutlivesTheCrashOfItsNode() throws Exception {
        HttpResponse<String> page = people.getFirst().onB().get(c.b, "/activities/" + activity);
        assertThat(page.statusCode()).as("still signed in on the restarted B").isEqualTo(200);
    }

    @Test
    void theImportCutByTheCrashLeftNothingAndGoesThroughWhole() throws Exception {
        assertThat(importCutAtKill).as("B died with the import's rows written and not committed").isTrue();
        assertThatThrownBy(importPost::join).as("the upload was cut by the kill, not timed out")
                .hasRootCauseInstanceOf(IOException.class).rootCause().isNotInstanceOf(HttpTimeoutException.class);
        List<String> numbers = rows.stream().map(OrgSetup.HrRow::employeeNo).toList();
        assertThat(imported(numbers)).isZero();
        assertThat(importRuns()).as("a cut import leaves no run behind to wait for").isEqualTo(runsBefore);

        Browser admin = new Browser();
        admin.logIn(c.a, "admin", Cluster.DEMO_PASSWORD);
        admin.page(c.a, "/org/import");
        HttpResponse<String> again = admin.uploadForm(c.a, "/org/import", "file", "employees.csv", "text/csv",
                Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(imported(numbers)).isEqualTo(IMPORT_ROWS);
        assertThat(c.jdbc.sql("SELECT status || ' ' || total_rows || ' ' || created_rows FROM import_run "
                + "ORDER BY id DESC LIMIT 1").query(String.class).single())
                .isEqualTo("IMPORTED " + IMPORT_ROWS + " " + IMPORT_ROWS);
    }

    @Test
    void anEventWhoseListenerHadNotRunWhenItsNodeDiedIsCompletedOnce() throws Exception {
        await(Duration.ofSeconds(60), () -> c.jdbc.sql(
                "SELECT completion_date IS NOT NULL FROM event_publication WHERE id = ?").param(pending)
                .query(Boolean.class).single());
        assertThat(c.jdbc.sql("SELECT completion_date IS NOT NULL FROM event_publication WHERE id = ?").param(pending)
                .query(Boolean.class).single()).isTrue();
        assertThat(c.jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ?").param(noticed)
                .query(Integer.class).single()).as("the notice is in the inbox once").isEqualTo(1);
    }

    @Test
    void everyAttemptWhoseTimeRanOutIsGradedOnceByTheDeadline() throws Exception {
        assertThat(gradingCutAtKill).as("B died in a grading transaction with attempts graded and not committed")
                .isTrue();
        assertThat(gradedAtKill).as("B died while the attempts were being graded").isBetween(1, ATTEMPTS - 1);
        await(Duration.ofSeconds(90), () -> graded() == ATTEMPTS);
        assertThat(c.jdbc.sql("""
                        SELECT count(*) FROM training_attempt WHERE exam_id = ? AND number = ? AND status = 'GRADED'
                          AND ended_by = 'DEADLINE' AND submitted_at = deadline_at AND score IS NOT NULL""")
                .params(exam, ATTEMPT_NO).query(Integer.class).single()).isEqualTo(ATTEMPTS);
    }

    /** Attempts of one exam by {@link #ATTEMPTS} people, started two hours ago, their deadline tomorrow for now. */
    private long attemptsInProgress() {
        long id = c.jdbc.sql("SELECT id FROM training_exam ORDER BY id LIMIT 1").query(Long.class).single();
        int made = c.jdbc.sql("""
                        INSERT INTO training_attempt (exam_id, employee_id, number, status, started_at, deadline_at,
                          max_score)
                        SELECT ?, e.id, ?, 'IN_PROGRESS', now() - interval '2 hours', now() + interval '1 day', 100
                        FROM employee e WHERE NOT EXISTS (SELECT 1 FROM training_attempt t WHERE t.exam_id = ?
                          AND t.employee_id = e.id AND t.status = 'IN_PROGRESS')
                        ORDER BY e.id LIMIT ?""")
                .params(id, ATTEMPT_NO, id, ATTEMPTS).update();
        assertThat(made).isEqualTo(ATTEMPTS);
        return id;
    }

    /**
     * Lets B run into two gates and wait there, so that the kill lands inside the import and inside a grading
     * whatever the machine's speed: the table lock stops the import at its last statement (the run's row), its 9,000
     * rows written; the key-share lock on the {@link #GATE_RANK}th attempt stops B's deadline job in its fourth batch,
     * three committed before it. Neither lock is in anyone else's way: the import page reads runs, and setting the
     * deadlines is an update that leaves the key alone. Returns the gate's backend.
     */
    private long holdTheGates(Connection gate) throws SQLException {
        // The gate's attempt is found first and locked alone: a locking clause under OFFSET locks the rows skipped too.
        long gateAttempt = c.jdbc.sql("""
                        SELECT id FROM training_attempt WHERE exam_id = ? AND number = ? ORDER BY id
                        OFFSET ? LIMIT 1""")
                .params(exam, ATTEMPT_NO, GATE_RANK - 1).query(Long.class).single();
        try (Statement s = gate.createStatement()) {
            s.execute("LOCK TABLE import_run IN SHARE MODE");
            s.execute("SELECT id FROM training_attempt WHERE id = " + gateAttempt + " FOR KEY SHARE");
            try (ResultSet pid = s.executeQuery("SELECT pg_backend_pid()")) {
                pid.next();
                return pid.getLong(1);
            }
        }
    }

    /** Time runs out for the attempts in the order of their ids, a minute ago, well past the grace. */
    private void timeRunsOut() {
        c.jdbc.sql("""
                        UPDATE training_attempt t SET deadline_at = now() - interval '1 minute' + o.n * interval '1 ms'
                        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM training_attempt
                              WHERE exam_id = ? AND number = ?) o
                        WHERE t.id = o.id""")
                .params(exam, ATTEMPT_NO).update();
    }

    /**
     * Whether a backend of B runs a statement like {@code statement}, waits for the gate and has written in its
     * transaction: a kill now leaves that transaction half done.
     */
    private boolean cutOnB(long gatePid, String statement) {
        return c.jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity WHERE application_name = 'node-b' AND query LIKE ?
                          AND backend_xid IS NOT NULL AND ? = ANY (pg_blocking_pids(pid))""")
                .params(statement, gatePid).query(Integer.class).single() > 0;
    }

    private int importRuns() {
        return c.jdbc.sql("SELECT count(*) FROM import_run").query(Integer.class).single();
    }

    private int graded() {
        return c.jdbc.sql("SELECT count(*) FROM training_attempt WHERE exam_id = ? AND number = ? AND status = 'GRADED'")
                .params(exam, ATTEMPT_NO).query(Integer.class).single();
    }

    /**
     * What B leaves behind when it dies between committing a change and running the change's listener: a
     * publication of a notice not completed. It is a real one of the demo's, addressed to someone on leave with an
     * empty inbox: notices to a unit go to those at work, so nothing else fills that inbox meanwhile (everyone at work
     * may have been told of something by the time the test gets here). A node still running takes it up once it is
     * {@code tongxin.events.resubmit-after} old.
     */
    private UUID incompletePublication() {
        noticed = c.jdbc.sql("""
                        SELECT e.id FROM employee e WHERE e.status = 'LEAVE'
                        AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.employee_id = e.id) ORDER BY e.id LIMIT 1""")
                .query(Long.class).single();
        UUID id = UUID.randomUUID();
        int inserted = c.jdbc.sql("""
                        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                          status, completion_attempts)
                        SELECT ?, listener_id, event_type,
                               regexp_replace(serialized_event, '"employeeId":\\d+', '"employeeId":' || ?), now(),
                               'PROCESSING', 1
                        FROM event_publication
                        WHERE event_type LIKE '%NotificationRequested' AND completion_date IS NOT NULL
                          AND serialized_event ~ '"employeeId":\\d+'
                        ORDER BY publication_date LIMIT 1""")
                .params(id, noticed).update();
        assertThat(inserted).as("a completed notice publication to copy").isEqualTo(1);
        return id;
    }

    private int imported(List<String> numbers) {
        return c.jdbc.sql("SELECT count(*) FROM employee WHERE emp_no = ANY (?)")
                .param(numbers.toArray(String[]::new)).query(Integer.class).single();
    }

    private static void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
