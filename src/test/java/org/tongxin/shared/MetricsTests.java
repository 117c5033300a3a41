package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** What Prometheus scrapes: only with the scraper's credential, and with the figures operations watch. */
class MetricsTests extends IntegrationTestSupport {

    @Autowired
    ActivityService activities;
    @Autowired
    SignUp signUp;
    @Autowired
    MembershipSetup membershipSetup;

    @Test
    void theScrapeIsRefusedToAnyoneButTheScraper() throws Exception {
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "wrong"))).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "Tongxin@2026"))).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").with(Fixtures.as(Fixtures.admin(fixtures.adminAccountId()))))
                .andReturn().getResponse().getStatus()).isIn(401, 403);
        assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "scrape-test"))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theScrapeHasLatencyHistogramsPoolUseSignUpsAndBacklogs() throws Exception {
        mvc.perform(get("/login")).andReturn();
        String scrape = scrape();
        assertThat(scrape).contains("http_server_requests_seconds_bucket{", "le=\"0.15\"");
        assertThat(scrape).contains("hikaricp_connections_active{", "hikaricp_connections_max{", "pool=\"tongxin\"");
        assertThat(scrape).contains("tongxin_activity_signups_total{", "tongxin_events_incomplete_publications{",
                "tongxin_events_incomplete_oldest_seconds{", "tongxin_notify_outbox_notices{");
        assertThat(value(scrape, "tongxin_notify_outbox_notices", "state=\"waiting\"")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void signUpsCountByOutcomeOnceCommitted() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("指标工会");
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(unit.departmentCode()), Fixtures.row(unit.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "metrics.csv", rows);
        List<Viewer> people = new ArrayList<>();
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            membershipSetup.enrol(id, unit.unit().id(), LocalDate.now().minusYears(1));
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        OffsetDateTime now = OffsetDateTime.now();
        long activity = activities.create(officer, new Activities.Draft("指标测试", "CULTURE_SPORTS", "", "职工之家", null,
                now.plusHours(2), now.plusHours(4), now.minusMinutes(5), now.plusHours(1), 1, "MEMBERS",
                unit.unit().id(), false, unit.unit().id()), List.of(), List.of(), null);
        activities.publish(officer, activity);
        String before = scrape();

        assertThat(signUp.register(people.get(0), activity)).isEqualTo(SignUp.Result.CONFIRMED);
        assertThat(signUp.register(people.get(1), activity)).isEqualTo(SignUp.Result.WAITLISTED);
        assertThat(signUp.register(people.get(1), activity)).isEqualTo(SignUp.Result.ALREADY);

        String after = scrape();
        for (String outcome : List.of("confirmed", "waitlisted", "already")) {
            String label = "outcome=\"" + outcome + "\"";
            assertThat(value(after, "tongxin_activity_signups_total", label)
                    - value(before, "tongxin_activity_signups_total", label)).as(outcome).isEqualTo(1.0);
        }
    }

    @Test
    void theBacklogGaugeCountsAnIncompletePublication() throws Exception {
        double before = value(scrape(), "tongxin_events_incomplete_publications", "");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
                        VALUES (?, 'metrics.test.Listener', 'metrics.test.Event', '{}', now() - interval '10 minutes')""")
                .param(id).update();
        try {
            String scrape = scrape();
            assertThat(value(scrape, "tongxin_events_incomplete_publications", "")).isEqualTo(before + 1);
            assertThat(value(scrape, "tongxin_events_incomplete_oldest_seconds", "")).isGreaterThanOrEqualTo(600);
        } finally {
            jdbc.sql("DELETE FROM event_publication WHERE id = ?").param(id).update();
        }
    }

    private String scrape() throws Exception {
        var response = mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "scrape-test")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The value of the first series of {@code name} whose labels contain {@code label}. */
    private static double value(String scrape, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(name + " with " + label + " not in the scrape");
    }
}
