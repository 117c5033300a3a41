package org.tongxin.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.membership.internal.Applications;

/** Membership's history as the snapshots it publishes, for rebuilding figures kept elsewhere from scratch. */
@Service
public class MembershipHistory {

    private static final int PAGE = 5_000;

    private final JdbcClient jdbc;
    private final Applications applications;

    MembershipHistory(JdbcClient jdbc, Applications applications) {
        this.jdbc = jdbc;
        this.applications = applications;
    }

    private record Row(long memberId, long employeeId, MemberPeriods.Span span) {
    }

    /** Every member's periods, a page of members at a time, each as a {@link MemberPeriods} with version 0. */
    public void replay(Consumer<MemberPeriods> sink) {
        long after = 0;
        while (true) {
            List<Row> rows = jdbc.sql("""
                            SELECT m.id AS member_id, m.employee_id, p.id, p.unit_id, p.status, p.started_on, p.ended_on
                            FROM member m JOIN membership_period p ON p.member_id = m.id
                            WHERE m.id IN (SELECT id FROM member WHERE id > ? ORDER BY id LIMIT ?)
                            ORDER BY m.id, p.started_on, p.id""")
                    .params(after, PAGE)
                    .query((rs, i) -> new Row(rs.getLong("member_id"), rs.getLong("employee_id"),
                            new MemberPeriods.Span(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("status"),
                                    rs.getObject("started_on", LocalDate.class),
                                    rs.getObject("ended_on", LocalDate.class))))
                    .list();
            if (rows.isEmpty()) {
                return;
            }
            List<MemberPeriods.Span> spans = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                spans.add(r.span());
                if (i == rows.size() - 1 || rows.get(i + 1).memberId() != r.memberId()) {
                    sink.accept(new MemberPeriods(r.memberId(), r.employeeId(), List.copyOf(spans), 0));
                    spans.clear();
                }
            }
            after = rows.getLast().memberId();
        }
    }

    /** Every application to join, a page at a time, each as an {@link ApplicationSnapshot} with version 0. */
    public void replayApplications(Consumer<ApplicationSnapshot> sink) {
        long after = 0;
        while (true) {
            List<ApplicationSnapshot> page = applications.snapshots(after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().applicationId();
        }
    }
}
