package org.tongxin.nodes;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The activity rush of {@code bench/run rush}, small: members signed in on both nodes (a phone and a computer, say),
 * an activity published through the officers' form, then every member presses 报名 on both nodes at the same
 * instant. What each person was told is the message on the page the press redirected to.
 */
final class Rush {

    static final String PASSWORD = "Nodes2026-member";
    static final String CONFIRMED = "报名成功。";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern ADMIN_PAGE = Pattern.compile("/activity-admin/(\\d+)");

    /** A member with an account, signed in on each node with a session of its own. */
    record Person(long employeeId, String number, Browser onA, Browser onB) {

        Browser on(Cluster c, Node node) {
            return node == c.a ? onA : onB;
        }
    }

    /** What one press got: the status, and the message on the page it led to (null when the node was gone). */
    record Press(Person person, Node node, int status, String told, String error) {
    }

    private Rush() {
    }

    /**
     * {@code count} active members of the company with an account whose password the test knows (set over JDBC,
     * BCrypt strength 4, no forced change), each signed in on A and on B.
     */
    static List<Person> people(Cluster c, int count) throws Exception {
        List<Map.Entry<Long, String>> members = c.jdbc.sql("""
                        SELECT e.id, e.emp_no FROM employee e
                        JOIN member m ON m.employee_id = e.id
                        JOIN membership_period p ON p.member_id = m.id AND p.ended_on IS NULL AND p.status = 'ACTIVE'
                        WHERE e.status = 'ACTIVE'
                          AND NOT EXISTS (SELECT 1 FROM role_grant g JOIN account a ON a.id = g.account_id
                                          WHERE a.employee_id = e.id)
                        ORDER BY e.id DESC LIMIT ?""")
                .param(count).query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (Map.Entry<Long, String> m : members) {
            c.jdbc.sql("""
                            INSERT INTO account (employee_id, password_hash, must_change_password) VALUES (?, ?, false)
                            ON CONFLICT (employee_id) DO UPDATE SET password_hash = excluded.password_hash,
                              must_change_password = false, failed_attempts = 0, locked_until = NULL""")
                    .params(m.getKey(), hash).update();
        }
        List<Person> people = new ArrayList<>();
        for (Map.Entry<Long, String> m : members) {
            Browser onA = new Browser();
            onA.logIn(c.a, m.getValue(), PASSWORD);
            onA.page(c.a, "/activities/mine");
            Browser onB = new Browser();
            onB.logIn(c.b, m.getValue(), PASSWORD);
            onB.page(c.b, "/activities/mine");
            people.add(new Person(m.getKey(), m.getValue(), onA, onB));
        }
        return people;
    }

    /** An activity for every member of the company, signing up now, published with {@code capacity} seats. */
    static long activity(Cluster c, Browser admin, Node node, String title, int capacity) throws Exception {
        long root = c.jdbc.sql("SELECT id FROM org_unit WHERE depth = 0 AND kind = 'COMPANY_UNION' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES);
        admin.page(node, "/activity-admin/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("type", "CULTURE_SPORTS");
        form.put("description", "多节点测试 (two nodes)");
        form.put("place", "职工之家");
        form.put("startsAt", now.plusDays(2).format(LOCAL));
        form.put("endsAt", now.plusDays(2).plusHours(3).format(LOCAL));
        form.put("signupOpensAt", now.minusMinutes(2).format(LOCAL));
        form.put("signupClosesAt", now.plusDays(1).format(LOCAL));
        form.put("capacity", Integer.toString(capacity));
        form.put("audience", "MEMBERS");
        form.put("audienceUnitId", Long.toString(root));
        form.put("leadUnitId", Long.toString(root));
        HttpResponse<String> created = admin.post(node, "/activity-admin", form);
        Matcher m = ADMIN_PAGE.matcher(created.headers().firstValue("Location").orElse(""));
        if (created.statusCode() != 302 || !m.find()) {
            throw new IllegalStateException("creating the activity answered " + created.statusCode() + " "
                    + created.headers().firstValue("Location").orElse(""));
        }
        long id = Long.parseLong(m.group(1));
        HttpResponse<String> published = admin.post(node, "/activity-admin/" + id + "/publish", Map.of());
        if (published.statusCode() != 302) {
            throw new IllegalStateException("publishing answered " + published.statusCode());
        }
        return id;
    }

    /**
     * Every person presses on both nodes, all released at once; each press is followed to the page it redirects to,
     * on the node that answered, to read what the person was told.
     */
    static List<Press> run(Cluster c, List<Person> people, long activity) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Press>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Person p : people) {
                for (Node node : List.of(c.a, c.b)) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return press(p.on(c, node), p, node, activity);
                    }));
                }
            }
            go.countDown();
            List<Press> presses = new ArrayList<>();
            for (Future<Press> f : futures) {
                presses.add(f.get());
            }
            return presses;
        }
    }

    private static Press press(Browser browser, Person p, Node node, long activity) {
        try {
            HttpResponse<String> r = browser.post(node, "/activities/" + activity + "/register", Map.of());
            if (r.statusCode() != 302) {
                return new Press(p, node, r.statusCode(), null, null);
            }
            String told = Browser.flash(browser.get(node, "/activities/" + activity).body());
            return new Press(p, node, 302, told, null);
        } catch (Exception e) {
            return new Press(p, node, 0, null, e.toString());
        }
    }
}
