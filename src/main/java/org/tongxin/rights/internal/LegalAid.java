package org.tongxin.rights.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * Legal aid (法律援助): an employee asks for a consultation with the union's lawyer or the federation's hotline (12351)
 * about a topic, with their question; the company-level desk books it (when, with whom) and the employee is told,
 * then marks it done with its outcome, or calls it off with a reason; the employee may withdraw it while it is still to
 * come. Questions and outcomes are encrypted; only the employee and the desk read them; audit entries carry request
 * numbers, never a name.
 */
@Service
public class LegalAid {

    public static final int MAX_TOPIC = 100;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_ADVISER = 100;
    public static final int MAX_REASON = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Who gives the advice: the union's own lawyer, or the trade-union federation's legal hotline. */
    public enum Provider {
        UNION_LAWYER, HOTLINE
    }

    public enum Status {
        REQUESTED, BOOKED, DONE, CANCELLED
    }

    /** A request, without its texts. {@code cancelledBy} is EMPLOYEE or DESK once called off. */
    public record Request(long id, long employeeId, long unitId, String topic, Provider provider, Status status,
                          OffsetDateTime bookedAt, String adviser, String cancelledBy, OffsetDateTime createdAt) {

        /** Still to come: requested or booked. */
        public boolean open() {
            return status == Status.REQUESTED || status == Status.BOOKED;
        }
    }

    /** What the employee asks. */
    public record Ask(String topic, String question, Provider provider) {
    }

    /** The employee's own request with its texts. */
    public record Mine(Request request, String question, String outcome) {
    }

    /** A line of the desk's list. */
    public record Row(Request request, String name, String employeeNo) {
    }

    /** A request as the desk opens it. */
    public record DeskView(Request request, String question, String outcome, EmployeeSummary person) {
    }

    private static final RowMapper<Request> REQUEST = LegalAid::request;

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LegalAid(JdbcClient jdbc, OrgDirectory org, FieldCipher cipher, AuditTrail audit, ApplicationEventPublisher events,
             Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    static Request request(ResultSet rs, int i) throws SQLException {
        return new Request(rs.getLong("id"), rs.getLong("employee_id"), rs.getLong("unit_id"), rs.getString("topic"),
                Provider.valueOf(rs.getString("provider")), Status.valueOf(rs.getString("status")),
                rs.getObject("booked_at", OffsetDateTime.class), rs.getString("adviser"), rs.getString("cancelled_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    /** Whether the viewer works at the legal-aid desk (the company level). */
    public boolean acts(Viewer viewer) {
        return Posts.companyLevel(viewer, org);
    }

    /** The employee asks for a consultation; the desk of their company is told. */
    @Transactional
    public long request(Viewer employee, Ask form) {
        if (employee.employeeId() == null) {
            throw new Refusal("rights.aid.error.notEmployee");
        }
        String topic = Texts.required(form.topic(), MAX_TOPIC, "rights.aid.error.topic");
        String question = Texts.required(form.question(), MAX_TEXT, "rights.aid.error.question");
        if (form.provider() == null) {
            throw new Refusal("rights.aid.error.provider");
        }
        long root = org.employee(employee.employeeId()).flatMap(e -> org.unit(e.unitId()))
                .map(u -> u.pathIds().getFirst()).orElseThrow(() -> new Refusal("rights.aid.error.notEmployee"));
        long id = jdbc.sql("""
                        INSERT INTO rights_legal_aid (employee_id, unit_id, topic, question_enc, provider, status)
                        VALUES (?, ?, ?, ?, ?, 'REQUESTED') RETURNING id""")
                .params(employee.employeeId(), root, topic, cipher.encrypt(question), form.provider().name())
                .query(Long.class).single();
        events.publishEvent(NotificationRequested.toOfficersOf(root, Message.of(NoticeKind.RIGHTS,
                "rights.aid-requested", "/rights/legal-aid/desk/" + id, id)));
        return id;
    }

    /** The employee withdraws their own request while it is still to come; a booked one is freed at the desk. */
    @Transactional
    public void withdraw(Viewer employee, long id) {
        Request r = find(id).filter(x -> employee.employeeId() != null && x.employeeId() == employee.employeeId())
                .orElseThrow(() -> new NotFoundException("legal aid " + id));
        cancelIfOpen(r, "EMPLOYEE", null);
        if (r.status() == Status.BOOKED) {
            events.publishEvent(NotificationRequested.toOfficersOf(r.unitId(), Message.of(NoticeKind.RIGHTS,
                    "rights.aid-withdrawn", "/rights/legal-aid/desk/" + id, id, WHEN.format(local(r.bookedAt())))));
        }
    }

    /**
     * Books (or moves) the consultation: a time to come and the adviser (the lawyer's name, or the hotline's
     * number); the employee is told.
     */
    @Transactional
    public void book(Viewer desk, long id, LocalDateTime at, String adviser) {
        Request r = forDesk(desk, id);
        if (!r.open()) {
            throw new Refusal("rights.aid.error.notOpen");
        }
        if (at == null) {
            throw new Refusal("rights.aid.error.when");
        }
        OffsetDateTime when = at.atZone(clock.getZone()).toOffsetDateTime();
        if (!when.isAfter(OffsetDateTime.now(clock))) {
            throw new Refusal("rights.aid.error.when");
        }
        String who = Texts.required(adviser, MAX_ADVISER, "rights.aid.error.adviser");
        jdbc.sql("UPDATE rights_legal_aid SET status = 'BOOKED', booked_at = ?, adviser = ? WHERE id = ?")
                .params(when, who, id).update();
        audit.record(desk, "rights.aid.book", "rights_legal_aid", id, r.unitId(), "#" + id,
                Map.of("status", r.status().name()), Map.of("status", "BOOKED", "at", WHEN.format(at)));
        events.publishEvent(NotificationRequested.toEmployee(r.employeeId(), Message.of(NoticeKind.RIGHTS,
                "rights.aid-booked", "/rights/legal-aid", id, WHEN.format(at), who)));
    }

    /** The consultation took place; its outcome (the advice given, what comes next) is recorded. */
    @Transactional
    public void done(Viewer desk, long id, String outcome) {
        Request r = forDesk(desk, id);
        if (r.status() != Status.BOOKED) {
            throw new Refusal("rights.aid.error.notBooked");
        }
        String text = Texts.required(outcome, MAX_TEXT, "rights.aid.error.outcome");
        jdbc.sql("UPDATE rights_legal_aid SET status = 'DONE', outcome_enc = ? WHERE id = ?")
                .params(cipher.encrypt(text), id).update();
        audit.record(desk, "rights.aid.done", "rights_legal_aid", id, r.unitId(), "#" + id,
                Map.of("status", "BOOKED"), Map.of("status", "DONE"));
    }

    /** The desk calls it off, saying why; the employee is told. */
    @Transactional
    public void cancel(Viewer desk, long id, String reason) {
        Request r = forDesk(desk, id);
        String why = Texts.required(reason, MAX_REASON, "rights.aid.error.reason");
        cancelIfOpen(r, "DESK", why);
        audit.record(desk, "rights.aid.cancel", "rights_legal_aid", id, r.unitId(), "#" + id,
                Map.of("status", r.status().name()), Map.of("status", "CANCELLED"));
        events.publishEvent(NotificationRequested.toEmployee(r.employeeId(), Message.of(NoticeKind.RIGHTS,
                "rights.aid-cancelled", "/rights/legal-aid", id)));
    }

    /** The employee's own requests, newest first, with their texts. */
    public List<Mine> mine(Viewer employee) {
        if (employee.employeeId() == null) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM rights_legal_aid WHERE employee_id = ? ORDER BY id DESC")
                .param(employee.employeeId()).query(REQUEST).list().stream()
                .map(r -> new Mine(r, question(r.id()), outcome(r.id()))).toList();
    }

    /**
     * The desk's list: {@code show} "open" (waiting to be booked first, then the next booked), "closed" (the latest
     * first) or anything else for all.
     */
    public Page<Row> desk(Viewer desk, String show, int page, int size) {
        requireDesk(desk);
        Long[] roots = Posts.units(desk, org).toArray(Long[]::new);
        String where = " FROM rights_legal_aid WHERE unit_id = ANY(?)" + switch (show) {
            case "open" -> " AND status IN ('REQUESTED', 'BOOKED')";
            case "closed" -> " AND status IN ('DONE', 'CANCELLED')";
            default -> "";
        };
        String order = show.equals("open") ? " ORDER BY (status = 'BOOKED'), booked_at, id" : " ORDER BY id DESC";
        long total = jdbc.sql("SELECT count(*)" + where).param(roots).query(Long.class).single();
        List<Request> list = jdbc.sql("SELECT *" + where + order + " LIMIT ? OFFSET ?")
                .params(roots, size, (long) page * size).query(REQUEST).list();
        Map<Long, EmployeeSummary> people = org.employees(list.stream().map(Request::employeeId).distinct().toList());
        List<Row> rows = new ArrayList<>();
        for (Request r : list) {
            EmployeeSummary p = people.get(r.employeeId());
            rows.add(new Row(r, p == null ? null : p.name(), p == null ? null : p.employeeNo()));
        }
        return new Page<>(rows, page, size, total);
    }

    /** Requests waiting to be booked, for the desk's home card. */
    public long waiting(Viewer desk) {
        if (!acts(desk)) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM rights_legal_aid WHERE unit_id = ANY(?) AND status = 'REQUESTED'")
                .param(Posts.units(desk, org).toArray(Long[]::new)).query(Long.class).single();
    }

    /** The request for the desk, its texts decrypted; opening it is audited. */
    public DeskView view(Viewer desk, long id) {
        Request r = forDesk(desk, id);
        audit.record(desk, "rights.aid.view", "rights_legal_aid", id, r.unitId(), "#" + id, Map.of(), Map.of());
        return new DeskView(r, question(id), outcome(id), org.employee(r.employeeId()).orElse(null));
    }

    public Optional<Request> find(long id) {
        return jdbc.sql("SELECT * FROM rights_legal_aid WHERE id = ?").param(id).query(REQUEST).optional();
    }

    /** The booked moment on the platform's clock, for notices. */
    private LocalDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(clock.getZone()).toLocalDateTime();
    }

    private void cancelIfOpen(Request r, String by, String reason) {
        int changed = jdbc.sql("""
                        UPDATE rights_legal_aid SET status = 'CANCELLED', cancelled_by = ?, outcome_enc = ?
                        WHERE id = ? AND status IN ('REQUESTED', 'BOOKED')""")
                .params(by, reason == null ? null : cipher.encrypt(reason), r.id()).update();
        if (changed == 0) {
            throw new Refusal("rights.aid.error.notOpen");
        }
    }

    private Request forDesk(Viewer desk, long id) {
        Request r = find(id).orElseThrow(() -> new NotFoundException("legal aid " + id));
        if (!Posts.companyLevelOf(desk, r.unitId(), org)) {
            throw new NotFoundException("legal aid " + id);
        }
        return r;
    }

    private void requireDesk(Viewer viewer) {
        if (!acts(viewer)) {
            throw new NotFoundException("legal-aid desk");
        }
    }

    private String question(long id) {
        return cipher.decrypt(jdbc.sql("SELECT question_enc FROM rights_legal_aid WHERE id = ?").param(id)
                .query(String.class).single());
    }

    private String outcome(long id) {
        return jdbc.sql("SELECT outcome_enc FROM rights_legal_aid WHERE id = ?").param(id).query(String.class)
                .optional().map(cipher::decrypt).orElse(null);
    }
}
