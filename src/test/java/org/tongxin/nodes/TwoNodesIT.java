package org.tongxin.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes on one database, as behind a load balancer without sticky sessions: a session started on one node
 * carries on on the other, a rush against both seats exactly the capacity, the background senders of both deliver
 * each queued notice once, and a file uploaded on one node is served by the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    private Cluster c;

    @BeforeAll
    void cluster() {
        c = Cluster.get();
    }

    @Test
    void aSessionStartedOnOneNodeCarriesOnOnTheOtherAndEndsOnBoth() throws Exception {
        Browser employee = new Browser();
        employee.logIn(c.a, "100090", Cluster.DEMO_PASSWORD);
        String cookie = employee.cookie("JSESSIONID");
        String name = c.jdbc.sql("SELECT name FROM employee WHERE emp_no = '100090'").query(String.class).single();

        HttpResponse<String> onB = employee.get(c.b, "/");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains(name);
        assertThat(employee.cookie("JSESSIONID")).isEqualTo(cookie);
        // Stylesheets, scripts and the icon neither read nor touch the session: only the page does.
        String sessionId = new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
        long pageTouched = lastAccess(sessionId);
        Thread.sleep(5);
        for (String asset : List.of("/css/tongxin.css", "/js/tongxin.js", "/favicon.ico")) {
            employee.getBytes(c.b, asset);
        }
        assertThat(lastAccess(sessionId)).as("assets leave the session's last access alone").isEqualTo(pageTouched);
        employee.get(c.a, "/");
        assertThat(lastAccess(sessionId)).as("a page touches it").isGreaterThan(pageTouched);

        assertThat(new Browser().get(c.b, "/").statusCode()).as("without the cookie B asks for a log-in")
                .isEqualTo(302);
        assertThat(c.jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = "
                        + "(SELECT a.id::text FROM account a JOIN employee e ON e.id = a.employee_id WHERE e.emp_no = '100090')")
                .query(Integer.class).single()).isPositive();

        // A form read on B and posted on A: the CSRF token lives in the shared session too.
        employee.page(c.b, "/");
        HttpResponse<String> out = employee.post(c.a, "/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        HttpResponse<String> after = employee.get(c.b, "/");
        assertThat(after.statusCode()).as("logged out on A, B no longer knows the session").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    private long lastAccess(String sessionId) {
        return c.jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?").param(sessionId)
                .query(Long.class).single();
    }

    @Test
    void aRushAgainstBothNodesSeatsExactlyTheCapacityOnce() throws Exception {
        int capacity = 12;
        Browser admin = new Browser();
        admin.logIn(c.a, "admin", Cluster.DEMO_PASSWORD);
        List<Rush.Person> people = Rush.people(c, 40);
        long activity = Rush.activity(c, admin, c.b, "两节点抢报名", capacity);

        List<Rush.Press> presses = Rush.run(c, people, activity);

        assertThat(presses).hasSize(80).allSatisfy(p -> assertThat(p.status()).as(p.toString()).isEqualTo(302));
        assertThat(presses.stream().filter(p -> p.node() == c.a)).isNotEmpty();
        List<Long> seated = c.jdbc.sql("""
                        SELECT r.employee_id FROM activity_seat s JOIN activity_registration r ON r.id = s.registration_id
                        WHERE s.activity_id = ? ORDER BY r.employee_id""")
                .param(activity).query(Long.class).list();
        assertThat(seated).hasSize(capacity).doesNotHaveDuplicates();
        assertThat(c.jdbc.sql("""
                        SELECT count(*) FROM activity_registration WHERE activity_id = ? AND status = 'ACTIVE'""")
                .param(activity).query(Integer.class).single()).as("one registration a person, seated or waiting")
                .isEqualTo(people.size());
        List<Long> toldSeated = presses.stream().filter(p -> Rush.CONFIRMED.equals(p.told()))
                .map(p -> p.person().employeeId()).sorted().toList();
        assertThat(toldSeated).as("those told they have a seat are those seated").isEqualTo(seated);
    }

    @Test
    void theSendersOfBothNodesDeliverEachQueuedNoticeOnce() throws Exception {
        int count = 60;
        c.jdbc.sql("""
                        INSERT INTO notice_outbox (employee_id, channel, kind, language, title, body, status)
                        SELECT e.id, 'SMS', 'ACCOUNT', 'zh-CN', '两节点测试 ' || g, '两节点测试', 'PENDING'
                        FROM (SELECT id FROM employee WHERE status = 'ACTIVE' ORDER BY id LIMIT 1) e,
                             generate_series(1, ?) g""")
                .param(count).update();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && c.jdbc.sql(
                "SELECT count(*) FROM notice_outbox WHERE title LIKE '两节点测试 %' AND status <> 'SENT'")
                .query(Integer.class).single() > 0) {
            Thread.sleep(500);
        }
        Pattern numbered = Pattern.compile("两节点测试 (\\d+)");
        Map<String, Long> received = c.sms.stream().map(numbered::matcher).filter(Matcher::find)
                .collect(Collectors.groupingBy(m -> m.group(1), Collectors.counting()));
        assertThat(received).as("every notice arrived").hasSize(count);
        assertThat(received.values()).as("and none twice").containsOnly(1L);
        assertThat(c.jdbc.sql("SELECT count(*) FROM notice_outbox WHERE title LIKE '两节点测试 %' AND status = 'SENT'")
                .query(Integer.class).single()).isEqualTo(count);
    }

    @Test
    void aPictureUploadedOnOneNodeIsServedByTheOther() throws Exception {
        Browser admin = new Browser();
        admin.logIn(c.a, "admin", Cluster.DEMO_PASSWORD);
        long item = c.jdbc.sql("""
                        SELECT id FROM publicity_item WHERE status IN ('DRAFT', 'RETURNED') AND kind = 'ARTICLE'
                        ORDER BY id LIMIT 1""")
                .query(Long.class).single();
        admin.page(c.a, "/publicity-admin/items/" + item);
        HttpResponse<String> added = admin.uploadForJson(c.a, "/publicity-admin/items/" + item + "/pictures", "picture",
                "photo.png", "image/png", png());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        Matcher url = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"").matcher(added.body());
        assertThat(url.find()).as(added.body()).isTrue();

        HttpResponse<byte[]> onA = admin.getBytes(c.a, url.group(1));
        HttpResponse<byte[]> onB = admin.getBytes(c.b, url.group(1));
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
        assertThat(onB.body()).isNotEmpty().isEqualTo(onA.body());
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xC8102E));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.fillOval(100, 60, 120, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
