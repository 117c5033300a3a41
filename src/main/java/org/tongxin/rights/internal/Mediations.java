package org.tongxin.rights.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Labour-dispute mediation (劳动争议调解) before the enterprise's mediation committee: a case opened from an appeal
 * the committee handles (the appeal moves to mediation) or fresh for an employee chosen by number; the respondent and
 * the claim; sessions with their attendees and minutes; the time limit of {@link MediationTerms}, extended once at
 * most, with a reminder to the committee before it runs out; closed with an agreement (调解协议), a referral to
 * arbitration, or withdrawn. Only the company level acts or reads (anyone else: not found); the applicant sees where
 * their case stands, the dates of its sessions and how it ended. Claims, minutes and outcomes are encrypted; audit
 * entries carry case numbers, never a name.
 */
@Service
public class Mediations {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_RESPONDENT = 200;
    public static final int MAX_ATTENDEES = 500;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * What the committee enters to open a case: from an appeal ({@code appealId}, the appellant applying), or for
     * the employee whose number is {@code applicantNo}.
     */
    public record Opening(Long appealId, String applicantNo, String respondent, String claim) {
    }

    /** A session held, its minutes decrypted. */
    public record Session(long id, LocalDate heldOn, String attendees, String minutes, OffsetDateTime createdAt) {
    }

    /** A case in the committee's list. */
    public record Row(Mediation mediation, String applicantName, String applicantNo, long daysLeft, boolean overdue) {
    }

    /** A case as the committee opens it. */
    public record CaseView(Mediation mediation, String claim, String outcome, List<Session> sessions,
                           EmployeeSummary applicant, long daysLeft, boolean overdue, boolean extendable) {
    }

    /** What the applicant sees of their case: where it stands, when sessions were held, how it ended. */
    public record ForApplicant(Mediation mediation, List<LocalDate> sessionDates, String outcome, long daysLeft,
                               boolean overdue) {
    }

    /** The appeal a case is about to be opened from, as its handler at the committee sees it. */
    public record FromAppeal(Appeal appeal, String appellantName, String appellantNo, String wanted) {
    }

    /** Open cases and those past their limit, for the committee's home card. */
    public record Counts(long open, long overdue) {
    }

    private static final RowMapper<Mediation> MEDIATION = Mediations::mediation;

    private final JdbcClient jdbc;
    private final Appeals appeals;
    private final OrgDirectory org;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Mediations(JdbcClient jdbc, Appeals appeals, OrgDirectory org, FieldCipher cipher, AuditTrail audit,
               ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.appeals = appeals;
        this.org = org;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    static Mediation mediation(ResultSet rs, int i) throws SQLException {
        Object appeal = rs.getObject("appeal_id");
        return new Mediation(rs.getLong("id"), appeal == null ? null : ((Number) appeal).longValue(),
                rs.getLong("unit_id"), rs.getLong("applicant_id"), rs.getString("respondent"),
                rs.getObject("accepted_on", LocalDate.class), rs.getInt("limit_days"), rs.getInt("extended_days"),
                rs.getString("extension_reason"), Mediation.Status.valueOf(rs.getString("status")),
                rs.getObject("closed_on", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class));
    }

    /** Whether the viewer acts for the mediation committee (the company level). */
    public boolean acts(Viewer viewer) {
        return Posts.companyLevel(viewer, org);
    }

    /**
     * The appeal a case would be opened from, for the committee member handling it now (anyone else: not found), with
     * what the appellant wants to prefill the claim. An anonymous appellant stays so: no name.
     */
    public FromAppeal fromAppeal(Viewer officer, long appealId) {
        requireCompanyLevel(officer);
        Appeals.View v = appeals.view(officer, appealId);
        // Its handler, or any company-level officer once the handling unit referred it to mediation.
        if (!v.handler() && v.appeal().status() != Appeal.Status.MEDIATION) {
            throw new NotFoundException("appeal " + appealId);
        }
        return new FromAppeal(v.appeal(), v.appellantName(), v.appellantNo(), v.wanted());
    }

    /**
     * Opens a case, accepted today. From an appeal, the appeal moves to mediation in the same transaction (only its
     * handler may, and only while it is in hand); an anonymous appeal cannot, as mediation needs the applicant's name.
     */
    @Transactional
    public long open(Viewer officer, Opening form) {
        requireCompanyLevel(officer);
        String respondent = Texts.required(form.respondent(), MAX_RESPONDENT, "rights.mediation.error.respondent");
        String claim = Texts.required(form.claim(), MAX_TEXT, "rights.mediation.error.claim");
        long applicant;
        if (form.appealId() != null) {
            Appeal a = appeals.find(form.appealId())
                    .orElseThrow(() -> new NotFoundException("appeal " + form.appealId()));
            if (a.identity() == Appeal.Identity.ANONYMOUS) {
                throw new Refusal("rights.mediation.error.anonymous");
            }
            applicant = a.employeeId();
        } else {
            String no = form.applicantNo() == null ? "" : form.applicantNo().strip();
            Long found = no.isEmpty() ? null : org.employeeIdsByNumber(List.of(no)).get(no);
            if (found == null) {
                throw new Refusal("rights.mediation.error.applicant");
            }
            applicant = found;
        }
        long root = org.employee(applicant).flatMap(e -> org.unit(e.unitId())).map(u -> u.pathIds().getFirst())
                .orElseThrow(() -> new Refusal("rights.mediation.error.applicant"));
        if (!Posts.companyLevelOf(officer, root, org)) {
            throw new NotFoundException("mediation committee of " + root);
        }
        // The handling officers may have marked it for mediation already (from the appeal's page); then the case only
        // refers to it.
        if (form.appealId() != null && jdbc.sql("SELECT count(*) FROM rights_mediation WHERE appeal_id = ?")
                .param(form.appealId()).query(Long.class).single() > 0) {
            throw new Refusal("rights.mediation.error.caseExists");
        }
        if (form.appealId() != null && appeals.find(form.appealId()).orElseThrow().status() != Appeal.Status.MEDIATION) {
            appeals.toMediation(officer, form.appealId());
        }
        LocalDate today = today();
        long id = jdbc.sql("""
                        INSERT INTO rights_mediation (appeal_id, unit_id, applicant_id, respondent, claim_enc, accepted_on,
                          limit_days, status, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) RETURNING id""")
                .params(form.appealId(), root, applicant, respondent, cipher.encrypt(claim), today,
                        MediationTerms.LIMIT_DAYS, officer.accountId())
                .query(Long.class).single();
        LocalDate limit = MediationTerms.limitOn(today, MediationTerms.LIMIT_DAYS, 0);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "OPEN");
        after.put("appeal", form.appealId() == null ? null : "#" + form.appealId());
        after.put("limit", limit.toString());
        audit.record(officer, "rights.mediation.open", "rights_mediation", id, root, "#" + id, Map.of(), after);
        tellApplicant(applicant, Message.of(NoticeKind.RIGHTS, "rights.mediation-opened", "/rights/mediation/mine", id,
                limit));
        return id;
    }

    /** A session held (on a day from acceptance to today), with who attended and the minutes. */
    @Transactional
    public long addSession(Viewer officer, long id, LocalDate heldOn, String attendees, String minutes) {
        Mediation m = forCommittee(officer, id);
        if (!m.open()) {
            throw new Refusal("rights.mediation.error.closed");
        }
        if (heldOn == null || heldOn.isBefore(m.acceptedOn()) || heldOn.isAfter(today())) {
            throw new Refusal("rights.mediation.error.sessionDate");
        }
        String who = Texts.required(attendees, MAX_ATTENDEES, "rights.mediation.error.attendees");
        String text = Texts.required(minutes, MAX_TEXT, "rights.mediation.error.minutes");
        long session = jdbc.sql("""
                        INSERT INTO rights_mediation_session (mediation_id, held_on, attendees, minutes_enc, created_by)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(id, heldOn, who, cipher.encrypt(text), officer.accountId()).query(Long.class).single();
        audit.record(officer, "rights.mediation.session", "rights_mediation", id, m.unitId(), "#" + id, Map.of(),
                Map.of("session", heldOn.toString()));
        return session;
    }

    /**
     * Extends the limit once, by up to 15 days, before it has passed, for the reason given (both parties agreeing);
     * the reminder is due again before the new limit.
     */
    @Transactional
    public void extend(Viewer officer, long id, int days, String reason) {
        Mediation m = forCommittee(officer, id);
        String r = MediationTerms.checkExtension(m, days, reason, today());
        int changed = jdbc.sql("""
                        UPDATE rights_mediation SET extended_days = ?, extension_reason = ?, reminded_at = NULL
                        WHERE id = ? AND status = 'OPEN' AND extended_days = 0""")
                .params(days, r, id).update();
        if (changed == 0) {
            throw new Refusal("rights.mediation.error.extendedOnce");
        }
        LocalDate limit = MediationTerms.limitOn(m.acceptedOn(), m.limitDays(), days);
        audit.record(officer, "rights.mediation.extend", "rights_mediation", id, m.unitId(), "#" + id,
                Map.of("limit", m.limitOn().toString()), Map.of("limit", limit.toString(), "days", days));
        tellApplicant(m.applicantId(), Message.of(NoticeKind.RIGHTS, "rights.mediation-extended",
                "/rights/mediation/mine", id, limit));
    }

    /**
     * Ends the case: with an agreement (its text and the day it was signed, from acceptance to today), a referral to
     * arbitration or withdrawn (a note optional).
     */
    @Transactional
    public void close(Viewer officer, long id, Mediation.Status outcome, String text, LocalDate agreedOn) {
        Mediation m = forCommittee(officer, id);
        if (!m.open()) {
            throw new Refusal("rights.mediation.error.closed");
        }
        if (outcome == null || outcome == Mediation.Status.OPEN) {
            throw new Refusal("rights.mediation.error.outcome");
        }
        String t;
        LocalDate closedOn;
        if (outcome == Mediation.Status.AGREED) {
            t = Texts.required(text, MAX_TEXT, "rights.mediation.error.agreement");
            if (agreedOn == null || agreedOn.isBefore(m.acceptedOn()) || agreedOn.isAfter(today())) {
                throw new Refusal("rights.mediation.error.agreedOn");
            }
            closedOn = agreedOn;
        } else {
            t = Texts.optional(text, MAX_TEXT, "rights.mediation.error.note");
            closedOn = today();
        }
        int changed = jdbc.sql("""
                        UPDATE rights_mediation SET status = ?, outcome_enc = ?, closed_on = ?
                        WHERE id = ? AND status = 'OPEN'""")
                .params(outcome.name(), t == null ? null : cipher.encrypt(t), closedOn, id).update();
        if (changed == 0) {
            throw new Refusal("rights.mediation.error.closed");
        }
        audit.record(officer, "rights.mediation.close", "rights_mediation", id, m.unitId(), "#" + id,
                Map.of("status", "OPEN"), Map.of("status", outcome.name(), "closed", closedOn.toString()));
        tellApplicant(m.applicantId(), Message.of(NoticeKind.RIGHTS, "rights.mediation-closed",
                "/rights/mediation/mine", id));
    }

    /**
     * The cases of the committees the viewer acts for: {@code show} "open" (the nearest limit first), "closed" (the
     * latest first) or anything else for all.
     */
    public Page<Row> list(Viewer officer, String show, int page, int size) {
        requireCompanyLevel(officer);
        Long[] roots = Posts.units(officer, org).toArray(Long[]::new);
        String where = " FROM rights_mediation WHERE unit_id = ANY(?)" + switch (show) {
            case "open" -> " AND status = 'OPEN'";
            case "closed" -> " AND status <> 'OPEN'";
            default -> "";
        };
        String order = switch (show) {
            case "open" -> " ORDER BY accepted_on + limit_days + extended_days, id";
            case "closed" -> " ORDER BY closed_on DESC, id DESC";
            default -> " ORDER BY id DESC";
        };
        long total = jdbc.sql("SELECT count(*)" + where).param(roots).query(Long.class).single();
        List<Mediation> cases = jdbc.sql("SELECT *" + where + order + " LIMIT ? OFFSET ?")
                .params(roots, size, (long) page * size).query(MEDIATION).list();
        Map<Long, EmployeeSummary> people = org.employees(cases.stream().map(Mediation::applicantId).distinct()
                .toList());
        LocalDate today = today();
        List<Row> rows = new ArrayList<>();
        for (Mediation m : cases) {
            EmployeeSummary p = people.get(m.applicantId());
            rows.add(new Row(m, p == null ? null : p.name(), p == null ? null : p.employeeNo(), m.daysLeft(today),
                    m.overdue(today)));
        }
        return new Page<>(rows, page, size, total);
    }

    public Counts counts(Viewer officer) {
        if (!acts(officer)) {
            return new Counts(0, 0);
        }
        Long[] roots = Posts.units(officer, org).toArray(Long[]::new);
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE accepted_on + limit_days + extended_days < ?)
                        FROM rights_mediation WHERE unit_id = ANY(?) AND status = 'OPEN'""")
                .params(today(), roots).query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
    }

    /** The case for the committee, its texts decrypted; opening it is audited. */
    public CaseView view(Viewer officer, long id) {
        Mediation m = forCommittee(officer, id);
        audit.record(officer, "rights.mediation.view", "rights_mediation", id, m.unitId(), "#" + id, Map.of(),
                Map.of());
        String claim = cipher.decrypt(jdbc.sql("SELECT claim_enc FROM rights_mediation WHERE id = ?").param(id)
                .query(String.class).single());
        EmployeeSummary applicant = org.employee(m.applicantId()).orElse(null);
        LocalDate today = today();
        return new CaseView(m, claim, outcome(id), sessions(id), applicant, m.daysLeft(today), m.overdue(today),
                m.extendable(today));
    }

    /** The employee's own cases, newest first: status, limit, the dates of sessions and the outcome, no minutes. */
    public List<ForApplicant> forApplicant(Viewer employee) {
        if (employee.employeeId() == null) {
            return List.of();
        }
        LocalDate today = today();
        return jdbc.sql("SELECT * FROM rights_mediation WHERE applicant_id = ? ORDER BY id DESC")
                .param(employee.employeeId()).query(MEDIATION).list().stream()
                .map(m -> new ForApplicant(m, sessions(m.id()).stream().map(Session::heldOn).toList(),
                        m.open() ? null : outcome(m.id()), m.daysLeft(today), m.overdue(today)))
                .toList();
    }

    public Optional<Mediation> find(long id) {
        return jdbc.sql("SELECT * FROM rights_mediation WHERE id = ?").param(id).query(MEDIATION).optional();
    }

    /**
     * Reminds the committee of every open case whose limit is {@link MediationTerms#REMIND_DAYS_BEFORE} days away or
     * nearer, once: the cases are claimed with SKIP LOCKED and marked in the same statement, so two nodes never
     * remind one twice, and the notices commit with the marks. Returns the cases reminded.
     */
    @Transactional
    public List<Long> remind(LocalDate today) {
        List<Mediation> due = jdbc.sql("""
                        UPDATE rights_mediation SET reminded_at = now() WHERE id IN (
                          SELECT id FROM rights_mediation WHERE status = 'OPEN' AND reminded_at IS NULL
                            AND accepted_on + limit_days + extended_days - ? <= ? ORDER BY id FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .params(MediationTerms.REMIND_DAYS_BEFORE, today).query(MEDIATION).list();
        for (Mediation m : due) {
            events.publishEvent(NotificationRequested.toOfficersOf(m.unitId(), Message.of(NoticeKind.RIGHTS,
                    "rights.mediation-due", "/rights/mediation/" + m.id(), m.id(), m.limitOn())));
        }
        return due.stream().map(Mediation::id).toList();
    }

    private Mediation forCommittee(Viewer officer, long id) {
        Mediation m = find(id).orElseThrow(() -> new NotFoundException("mediation " + id));
        if (!Posts.companyLevelOf(officer, m.unitId(), org)) {
            throw new NotFoundException("mediation " + id);
        }
        return m;
    }

    private void requireCompanyLevel(Viewer viewer) {
        if (!acts(viewer)) {
            throw new NotFoundException("mediation committee");
        }
    }

    private List<Session> sessions(long id) {
        return jdbc.sql("""
                        SELECT id, held_on, attendees, minutes_enc, created_at FROM rights_mediation_session
                        WHERE mediation_id = ? ORDER BY held_on, id""")
                .param(id)
                .query((rs, i) -> new Session(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        cipher.decrypt(rs.getString(4)), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    private String outcome(long id) {
        return jdbc.sql("SELECT outcome_enc FROM rights_mediation WHERE id = ?").param(id).query(String.class)
                .optional().map(cipher::decrypt).orElse(null);
    }

    private void tellApplicant(long employeeId, Message message) {
        events.publishEvent(NotificationRequested.toEmployee(employeeId, message));
    }
}
