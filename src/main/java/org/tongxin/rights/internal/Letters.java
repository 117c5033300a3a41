package org.tongxin.rights.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * The chair's mailbox (主席信箱): an employee writes to the union chair, saying whether the letter may be published
 * anonymised; the chair's office (the company level) answers within the days of {@link LetterTerms}, reminded the
 * working day before; with the writer's consent the office publishes it as a question and answer in its own anonymised
 * words — never the writer's name — for every employee to read. The writer may withdraw consent at any time, which
 * takes it down. Letters and answers are encrypted; the published wording is the office's and public.
 */
@Service
public class Letters {

    public static final int MAX_SUBJECT = 100;
    public static final int MAX_TEXT = 4000;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public enum Status {
        SENT, ANSWERED
    }

    /** A letter without its texts; the public question and answer are the office's anonymised wording. */
    public record Letter(long id, long employeeId, String subject, LocalDate answerDue, Status status,
                         OffsetDateTime answeredAt, boolean publishOk, String publicQuestion, String publicAnswer,
                         OffsetDateTime publishedAt, OffsetDateTime createdAt) {

        public boolean overdue(LocalDate today) {
            return status == Status.SENT && answerDue.isBefore(today);
        }

        public boolean published() {
            return publishedAt != null;
        }
    }

    /** What the employee writes. */
    public record Draft(String subject, String body, boolean publishOk) {
    }

    /** The writer's own letter with its texts. */
    public record Mine(Letter letter, String body, String answer, boolean overdue) {
    }

    /** A line of the office's list. */
    public record Row(Letter letter, String writerName, boolean overdue) {
    }

    /** A letter as the office opens it. */
    public record OfficeView(Letter letter, String body, String answer, EmployeeSummary writer, boolean overdue) {
    }

    /** A published question and answer. */
    public record Published(long id, String question, String answer, OffsetDateTime publishedAt) {
    }

    /** Letters waiting for an answer and those overdue, for the office's home card. */
    public record Counts(long waiting, long overdue) {
    }

    private static final RowMapper<Letter> LETTER = Letters::letter;

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Letters(JdbcClient jdbc, OrgDirectory org, FieldCipher cipher, AuditTrail audit, ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    static Letter letter(ResultSet rs, int i) throws SQLException {
        return new Letter(rs.getLong("id"), rs.getLong("employee_id"), rs.getString("subject"),
                rs.getObject("answer_due", LocalDate.class), Status.valueOf(rs.getString("status")),
                rs.getObject("answered_at", OffsetDateTime.class), rs.getBoolean("publish_ok"),
                rs.getString("public_question"), rs.getString("public_answer"),
                rs.getObject("published_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class));
    }

    /** Whether the viewer works in the chair's office (the company level). */
    public boolean acts(Viewer viewer) {
        return Posts.companyLevel(viewer, org);
    }

    /** The employee writes to the chair; the office is told, with the day the answer is due. */
    @Transactional
    public long write(Viewer employee, Draft form) {
        if (employee.employeeId() == null) {
            throw new Refusal("rights.mailbox.error.notEmployee");
        }
        String subject = Texts.required(form.subject(), MAX_SUBJECT, "rights.mailbox.error.subject");
        String body = Texts.required(form.body(), MAX_TEXT, "rights.mailbox.error.body");
        LocalDate due = LetterTerms.answerDue(today());
        long id = jdbc.sql("""
                        INSERT INTO rights_letter (employee_id, subject, body_enc, answer_due, status, publish_ok)
                        VALUES (?, ?, ?, ?, 'SENT', ?) RETURNING id""")
                .params(employee.employeeId(), subject, cipher.encrypt(body), due, form.publishOk())
                .query(Long.class).single();
        tellOffice(Message.of(NoticeKind.RIGHTS, "rights.letter-sent", "/rights/mailbox/office/" + id, id, due));
        return id;
    }

    /** The writer gives or withdraws consent to publish; withdrawn, a published letter is taken down at once. */
    @Transactional
    public void consent(Viewer employee, long id, boolean ok) {
        own(employee, id);
        jdbc.sql("""
                        UPDATE rights_letter SET publish_ok = ?,
                          published_at = CASE WHEN ? THEN published_at END,
                          public_question = CASE WHEN ? THEN public_question END,
                          public_answer = CASE WHEN ? THEN public_answer END
                        WHERE id = ?""")
                .params(ok, ok, ok, ok, id).update();
    }

    /** The office answers, once; the writer is told. */
    @Transactional
    public void answer(Viewer office, long id, String answer) {
        Letter l = forOffice(office, id);
        String text = Texts.required(answer, MAX_TEXT, "rights.mailbox.error.answer");
        int changed = jdbc.sql("""
                        UPDATE rights_letter SET status = 'ANSWERED', answer_enc = ?, answered_at = now(), answered_by = ?
                        WHERE id = ? AND status = 'SENT'""")
                .params(cipher.encrypt(text), office.accountId(), id).update();
        if (changed == 0) {
            throw new Refusal("rights.mailbox.error.answered");
        }
        audit.record(office, "rights.mailbox.answer", "rights_letter", id, null, "#" + id,
                Map.of("status", "SENT"), Map.of("status", "ANSWERED", "late", l.overdue(today())));
        events.publishEvent(NotificationRequested.toEmployee(l.employeeId(), Message.of(NoticeKind.RIGHTS,
                "rights.letter-answered", "/rights/mailbox", id)));
    }

    /**
     * Publishes (or corrects) the letter as a question and answer in the office's own anonymised words: only when the
     * writer consented and it is answered; neither text may carry the writer's name or employee number.
     */
    @Transactional
    public void publish(Viewer office, long id, String question, String answer) {
        Letter l = forOffice(office, id);
        if (!l.publishOk()) {
            throw new Refusal("rights.mailbox.error.noConsent");
        }
        if (l.status() != Status.ANSWERED) {
            throw new Refusal("rights.mailbox.error.notAnswered");
        }
        String q = Texts.required(question, MAX_TEXT, "rights.mailbox.error.publicQuestion");
        String a = Texts.required(answer, MAX_TEXT, "rights.mailbox.error.publicAnswer");
        Optional<EmployeeSummary> writer = org.employee(l.employeeId());
        if (writer.isPresent() && (names(q, writer.get()) || names(a, writer.get()))) {
            throw new Refusal("rights.mailbox.error.nameInText");
        }
        int changed = jdbc.sql("""
                        UPDATE rights_letter SET public_question = ?, public_answer = ?,
                          published_at = coalesce(published_at, now())
                        WHERE id = ? AND publish_ok AND status = 'ANSWERED'""")
                .params(q, a, id).update();
        if (changed == 0) {
            throw new Refusal("rights.mailbox.error.noConsent");
        }
        audit.record(office, "rights.mailbox.publish", "rights_letter", id, null, "#" + id,
                Map.of("published", l.published()), Map.of("published", true));
        if (!l.published()) {
            events.publishEvent(NotificationRequested.toEmployee(l.employeeId(), Message.of(NoticeKind.RIGHTS,
                    "rights.letter-published", "/rights/mailbox/answers", id)));
        }
    }

    /** Takes a published question and answer down. */
    @Transactional
    public void unpublish(Viewer office, long id) {
        Letter l = forOffice(office, id);
        if (!l.published()) {
            throw new Refusal("rights.mailbox.error.notPublished");
        }
        jdbc.sql("UPDATE rights_letter SET published_at = NULL WHERE id = ?").param(id).update();
        audit.record(office, "rights.mailbox.unpublish", "rights_letter", id, null, "#" + id,
                Map.of("published", true), Map.of("published", false));
    }

    /** The writer's own letters, newest first, with their answers. */
    public List<Mine> mine(Viewer employee) {
        if (employee.employeeId() == null) {
            return List.of();
        }
        LocalDate today = today();
        return jdbc.sql("SELECT * FROM rights_letter WHERE employee_id = ? ORDER BY id DESC")
                .param(employee.employeeId()).query(LETTER).list().stream()
                .map(l -> new Mine(l, body(l.id()), answer(l.id()), l.overdue(today))).toList();
    }

    /**
     * The office's list: {@code show} "open" (the earliest due first), "answered" (the latest first) or anything else
     * for all.
     */
    public Page<Row> forOffice(Viewer office, String show, int page, int size) {
        requireOffice(office);
        String where = switch (show) {
            case "open" -> " FROM rights_letter WHERE status = 'SENT'";
            case "answered" -> " FROM rights_letter WHERE status = 'ANSWERED'";
            default -> " FROM rights_letter";
        };
        String order = switch (show) {
            case "open" -> " ORDER BY answer_due, id";
            case "answered" -> " ORDER BY answered_at DESC, id DESC";
            default -> " ORDER BY id DESC";
        };
        long total = jdbc.sql("SELECT count(*)" + where).query(Long.class).single();
        List<Letter> list = jdbc.sql("SELECT *" + where + order + " LIMIT ? OFFSET ?")
                .params(size, (long) page * size).query(LETTER).list();
        Map<Long, EmployeeSummary> people = org.employees(list.stream().map(Letter::employeeId).distinct().toList());
        LocalDate today = today();
        List<Row> rows = new ArrayList<>();
        for (Letter l : list) {
            EmployeeSummary p = people.get(l.employeeId());
            rows.add(new Row(l, p == null ? null : p.name(), l.overdue(today)));
        }
        return new Page<>(rows, page, size, total);
    }

    public Counts counts(Viewer office) {
        if (!acts(office)) {
            return new Counts(0, 0);
        }
        return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE answer_due < ?) FROM rights_letter WHERE status = 'SENT'")
                .param(today()).query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
    }

    /** The letter for the office, with the writer's name and the texts decrypted. */
    public OfficeView view(Viewer office, long id) {
        Letter l = forOffice(office, id);
        return new OfficeView(l, body(id), answer(id), org.employee(l.employeeId()).orElse(null), l.overdue(today()));
    }

    /** The published questions and answers, the latest first, for every employee. */
    public Page<Published> published(int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM rights_letter WHERE published_at IS NOT NULL").query(Long.class)
                .single();
        List<Published> list = jdbc.sql("""
                        SELECT id, public_question, public_answer, published_at FROM rights_letter
                        WHERE published_at IS NOT NULL ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(size, (long) page * size)
                .query((rs, i) -> new Published(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
        return new Page<>(list, page, size, total);
    }

    /**
     * Reminds the office of every letter due by the next working day and not yet answered, once: claimed with SKIP
     * LOCKED and marked in the same statement, so two nodes never remind one twice. Returns the letters reminded.
     */
    @Transactional
    public List<Long> remind(LocalDate today) {
        List<Letter> due = jdbc.sql("""
                        UPDATE rights_letter SET reminded_at = now() WHERE id IN (
                          SELECT id FROM rights_letter WHERE status = 'SENT' AND reminded_at IS NULL AND answer_due <= ?
                          ORDER BY id FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param(LetterTerms.remindDueBy(today)).query(LETTER).list();
        for (Letter l : due) {
            tellOffice(Message.of(NoticeKind.RIGHTS, "rights.letter-due", "/rights/mailbox/office/" + l.id(), l.id(),
                    l.answerDue()));
        }
        return due.stream().map(Letter::id).toList();
    }

    public Optional<Letter> find(long id) {
        return jdbc.sql("SELECT * FROM rights_letter WHERE id = ?").param(id).query(LETTER).optional();
    }

    /** Whether a text gives the writer away by name or employee number. */
    static boolean names(String text, EmployeeSummary writer) {
        String compact = text.replaceAll("\\s+", "");
        return (writer.name() != null && !writer.name().isBlank()
                && compact.contains(writer.name().replaceAll("\\s+", "")))
                || (writer.employeeNo() != null && !writer.employeeNo().isBlank()
                && compact.contains(writer.employeeNo()));
    }

    private Letter forOffice(Viewer office, long id) {
        requireOffice(office);
        return find(id).orElseThrow(() -> new NotFoundException("letter " + id));
    }

    private Letter own(Viewer employee, long id) {
        return find(id).filter(l -> employee.employeeId() != null && l.employeeId() == employee.employeeId())
                .orElseThrow(() -> new NotFoundException("letter " + id));
    }

    private void requireOffice(Viewer viewer) {
        if (!acts(viewer)) {
            throw new NotFoundException("chair's office");
        }
    }

    /** The chair's office: the officers of the root of the tree (more than one root only in an unusual set-up). */
    private void tellOffice(Message message) {
        for (OrgUnit root : org.roots()) {
            events.publishEvent(NotificationRequested.toOfficersOf(root.id(), message));
        }
    }

    private String body(long id) {
        return cipher.decrypt(jdbc.sql("SELECT body_enc FROM rights_letter WHERE id = ?").param(id)
                .query(String.class).single());
    }

    private String answer(long id) {
        return jdbc.sql("SELECT answer_enc FROM rights_letter WHERE id = ?").param(id).query(String.class)
                .optional().map(cipher::decrypt).orElse(null);
    }
}
