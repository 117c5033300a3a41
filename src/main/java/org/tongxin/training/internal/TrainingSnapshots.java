package org.tongxin.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgDirectory;
import org.tongxin.training.AssessmentStanding;
import org.tongxin.training.CourseEnrolment;

/**
 * Training's countable records as snapshots for figures kept elsewhere: course enrolments and people's standings in
 * assessments, read as they stand now. The services publish one after every change of such a record, inside the
 * change's transaction; {@link org.tongxin.training.TrainingHistory} replays them all through the same reads, so a
 * replay gives exactly what the services would publish now. A person counts in the union unit they belong to when
 * the snapshot is read.
 */
@Component
public class TrainingSnapshots {

    private static final String ENROLMENTS = """
            SELECT id, course_id, employee_id, source, enrolled_at, due_on, completed_at FROM training_enrolment""";
    private static final String STANDINGS = """
            SELECT s.assessment_id, s.employee_id, s.status, s.passed_at, a.starts_on, a.ends_on
            FROM training_assessee s JOIN training_assessment a ON a.id = s.assessment_id""";

    private record EnrolmentRow(long id, long courseId, long employeeId, String source, LocalDate enrolledOn,
                                LocalDate dueOn, LocalDate completedOn) {
    }

    private record StandingRow(long assessmentId, long employeeId, String status, LocalDate passedOn,
                               LocalDate opensOn, LocalDate closesOn) {
    }

    private record Key(long assessmentId, long employeeId) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrainingSnapshots(JdbcClient jdbc, OrgDirectory org, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Publishes the enrolment as it stands, after a change of it in the current transaction. */
    public void enrolmentChanged(long enrolmentId) {
        enrolments(ENROLMENTS + " WHERE id = ?", List.of(enrolmentId), version()).forEach(events::publishEvent);
    }

    /** Publishes the person's standing in the assessment as it stands, after a change in the current transaction. */
    public void standingChanged(long assessmentId, long employeeId) {
        standings(STANDINGS + " WHERE s.assessment_id = ? AND s.employee_id = ?", List.of(assessmentId, employeeId),
                version()).forEach(events::publishEvent);
    }

    /** Up to {@code limit} enrolments after {@code afterId}, in id order. */
    public List<CourseEnrolment> enrolmentsAfter(long afterId, int limit, long version) {
        return enrolments(ENROLMENTS + " WHERE id > ? ORDER BY id LIMIT ?", List.of(afterId, limit), version);
    }

    /** Up to {@code limit} standings after the one given, in (assessment, employee) order. */
    public List<AssessmentStanding> standingsAfter(long assessmentId, long employeeId, int limit, long version) {
        return standings(STANDINGS + """
                         WHERE (s.assessment_id, s.employee_id) > (?, ?)
                        ORDER BY s.assessment_id, s.employee_id LIMIT ?""",
                List.of(assessmentId, employeeId, limit), version);
    }

    private List<CourseEnrolment> enrolments(String sql, List<Object> params, long version) {
        List<EnrolmentRow> rows = jdbc.sql(sql).params(params)
                .query((rs, i) -> new EnrolmentRow(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("employee_id"),
                        rs.getString("source"), day(rs, "enrolled_at"), rs.getObject("due_on", LocalDate.class),
                        day(rs, "completed_at")))
                .list();
        Map<Long, Long> units = org.unitIdsOf(rows.stream().map(EnrolmentRow::employeeId).distinct().toList());
        return rows.stream().map(r -> new CourseEnrolment(r.id(), r.courseId(), units.get(r.employeeId()), r.source(),
                r.enrolledOn(), r.dueOn(), r.completedOn(), version)).toList();
    }

    private List<AssessmentStanding> standings(String sql, List<Object> params, long version) {
        List<StandingRow> rows = jdbc.sql(sql).params(params)
                .query((rs, i) -> new StandingRow(rs.getLong("assessment_id"), rs.getLong("employee_id"),
                        rs.getString("status"), day(rs, "passed_at"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Key, List<AssessmentStanding.Graded>> attempts = new HashMap<>();
        jdbc.sql("""
                        SELECT t.assessment_id, t.employee_id, t.id, t.submitted_at, t.passed, t.percent
                        FROM training_attempt t
                          JOIN unnest(CAST(? AS bigint[]), CAST(? AS bigint[])) AS k (assessment_id, employee_id)
                            ON t.assessment_id = k.assessment_id AND t.employee_id = k.employee_id
                        WHERE t.status = 'GRADED' ORDER BY t.id""")
                .params(rows.stream().map(StandingRow::assessmentId).toArray(Long[]::new),
                        rows.stream().map(StandingRow::employeeId).toArray(Long[]::new))
                .query((RowCallbackHandler) rs -> attempts
                        .computeIfAbsent(new Key(rs.getLong(1), rs.getLong(2)), k -> new ArrayList<>())
                        .add(new AssessmentStanding.Graded(rs.getLong(3), day(rs, "submitted_at"), rs.getBoolean(5),
                                rs.getBigDecimal(6))));
        Map<Long, Long> units = org.unitIdsOf(rows.stream().map(StandingRow::employeeId).distinct().toList());
        return rows.stream().map(r -> new AssessmentStanding(r.assessmentId(), r.employeeId(),
                units.get(r.employeeId()), r.status(), r.opensOn(), r.closesOn(), r.passedOn(),
                attempts.getOrDefault(new Key(r.assessmentId(), r.employeeId()), List.of()), version)).toList();
    }

    /** The day of a moment in the platform's time zone, as every page shows it. */
    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
    }

    private long version() {
        Instant now = Instant.now(clock);
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
