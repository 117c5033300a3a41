package org.tongxin.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.ActivityService;
import org.tongxin.activity.internal.SignUp;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Many people press "sign up" at the same moment, some twice, while others cancel: the seats taken never
 * exceed the capacity, nobody is registered twice, and the waitlist keeps arrival order.
 */
class RushTests extends IntegrationTestSupport {

    private static final int PEOPLE = 120;
    private static final int SEATS = 15;

    @Autowired
    ActivityService service;
    @Autowired
    SignUp signUp;
    @Autowired
    MembershipSetup membershipSetup;

    @Test
    void aRushNeverOverfillsNeverDoublesAndKeepsTheQueue() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("抢报名工会");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "rush.csv", rows);
        List<Viewer> people = new ArrayList<>();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            membershipSetup.enrol(id, unit.unit().id(), LocalDate.now().minusYears(1));
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        OffsetDateTime now = OffsetDateTime.now();
        long activity = service.create(officer, new Activities.Draft("春节联欢晚会", "CULTURE_SPORTS", "", "职工之家", null,
                now.plusHours(2), now.plusHours(4), now.minusMinutes(5), now.plusHours(1), SEATS, "MEMBERS",
                unit.unit().id(), false, unit.unit().id()), List.of(), List.of(), null);
        service.publish(officer, activity);

        // Everyone twice, shuffled, released at once on 16 threads.
        List<Viewer> presses = new ArrayList<>(people);
        presses.addAll(people);
        Collections.shuffle(presses);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentHashMap<Long, SignUp.Result> firstResult = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        for (Viewer v : presses) {
            done.add(pool.submit(() -> {
                start.await();
                SignUp.Result r = signUp.register(v, activity);
                if (r != SignUp.Result.ALREADY) {
                    assertThat(firstResult.putIfAbsent(v.employeeId(), r)).isNull();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }

        assertThat(firstResult).hasSize(PEOPLE);
        assertThat(firstResult.values().stream().filter(r -> r == SignUp.Result.CONFIRMED).count()).isEqualTo(SEATS);
        assertThat(jdbc.sql("SELECT count(*) FROM activity_registration WHERE activity_id = ? AND status = 'ACTIVE'")
                .param(activity).query(Long.class).single()).isEqualTo(PEOPLE);
        assertThat(jdbc.sql("SELECT count(*) FROM activity_seat WHERE activity_id = ? AND registration_id IS NOT NULL")
                .param(activity).query(Long.class).single()).isEqualTo(SEATS);
        // Every seat holder was told CONFIRMED, everyone else WAITLISTED.
        List<Long> seated = jdbc.sql("""
                        SELECT r.employee_id FROM activity_seat s JOIN activity_registration r ON r.id = s.registration_id
                        WHERE s.activity_id = ?""").param(activity).query(Long.class).list();
        seated.forEach(e -> assertThat(firstResult.get(e)).isEqualTo(SignUp.Result.CONFIRMED));

        // Every seat holder cancels at once: each seat goes to the head of the queue, in queue order, and no two
        // cancels hand their seats to the same person.
        List<Long> queue = jdbc.sql("""
                        SELECT r.employee_id FROM activity_registration r WHERE r.activity_id = ? AND r.status = 'ACTIVE'
                          AND NOT EXISTS (SELECT 1 FROM activity_seat s WHERE s.registration_id = r.id)
                        ORDER BY r.queue_no""").param(activity).query(Long.class).list();
        List<Viewer> leaving = people.stream().filter(p -> seated.contains(p.employeeId())).toList();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> cancels = new ArrayList<>();
        for (Viewer v : leaving) {
            cancels.add(pool.submit(() -> {
                go.await();
                signUp.cancel(v, activity);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : cancels) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<Long> nowSeated = jdbc.sql("""
                        SELECT r.employee_id FROM activity_seat s JOIN activity_registration r ON r.id = s.registration_id
                        WHERE s.activity_id = ?""").param(activity).query(Long.class).list();
        assertThat(nowSeated).hasSize(SEATS).containsAll(queue.subList(0, SEATS)).doesNotContainAnyElementsOf(
                leaving.stream().map(Viewer::employeeId).toList());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM activity_registration r WHERE r.activity_id = ? AND r.status = 'ACTIVE'
                          AND NOT EXISTS (SELECT 1 FROM activity_seat s WHERE s.registration_id = r.id)""")
                .param(activity).query(Long.class).single()).isEqualTo(PEOPLE - 2 * SEATS);
    }
}
