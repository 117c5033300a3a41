package org.tongxin.voice.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.time.WorkingDays;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * SuggestionScheme (合理化建议) through their life cycle, with a named holder and a deadline at every step:
 * submitted (held by the submitter's union unit) → accepted for review, or returned with a reason → assigned to an
 * owner unit → adopted, or declined with a reason → implemented → value entered by the owner and confirmed by the
 * committee (verified) → recognised. Each step is recorded for the submitter's timeline and told to them in the
 * inbox; adoption and recognition credit points. A step past its deadline is chased (督办) up the chain, one level
 * further each day it stays overdue.
 */
@Service
public class SuggestionScheme {

    /** Working days each step may take before it is chased. */
    static final Map<String, Integer> DAYS = Map.of("SUBMITTED", 5, "ACCEPTED", 5, "ASSIGNED", 15, "ADOPTED", 60,
            "IMPLEMENTED", 30, "VERIFIED", 10);

    /** A suggestion as its submitter and the officers holding it see it. */
    public record Suggestion(long id, String title, String problem, String proposal, String expected, long submitterId,
                             boolean anonymous, long unitId, Long ownerUnitId, String status, long holderUnitId,
                             OffsetDateTime holderSince, LocalDate dueOn, int chased, String reason,
                             BigDecimal valueYuan, String valueNote, Long valueConfirmedBy, OffsetDateTime createdAt) {

        public boolean overdue(LocalDate today) {
            return dueOn != null && dueOn.isBefore(today);
        }
    }

    /** One step of the timeline. */
    public record Step(String status, long actorId, long holderUnitId, String note, LocalDate dueOn, OffsetDateTime at) {
    }

    /** What an employee writes. */
    public record Draft(String title, String problem, String proposal, String expected, boolean anonymous) {
    }

    static final String COLUMNS = "SELECT id, title, problem, proposal, expected, submitter_id, anonymous, unit_id, "
            + "owner_unit_id, status, holder_unit_id, holder_since, due_on, chased, reason, value_yuan, value_note, "
            + "value_confirmed_by, created_at FROM voice_suggestion";
    static final RowMapper<Suggestion> MAPPER = (rs, i) -> new Suggestion(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getBoolean(7), rs.getLong(8),
            rs.getObject(9, Long.class), rs.getString(10), rs.getLong(11), rs.getObject(12, OffsetDateTime.class),
            rs.getObject(13, LocalDate.class), rs.getInt(14), rs.getString(15), rs.getBigDecimal(16), rs.getString(17),
            rs.getObject(18, Long.class), rs.getObject(19, OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Points points;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final VoiceSnapshots snapshots;
    private final Clock clock;
    private final boolean anonymousAllowed;
    private final int adoptedPoints;
    private final int recognisedPoints;

    SuggestionScheme(JdbcClient jdbc, OrgDirectory org, Points points, AuditTrail audit, ApplicationEventPublisher events,
                VoiceSnapshots snapshots, Optional<Clock> clock, @Value("${tongxin.voice.anonymous-suggestions:true}") boolean anonymousAllowed,
                @Value("${tongxin.voice.points.suggestion-adopted:20}") int adoptedPoints,
                @Value("${tongxin.voice.points.suggestion-recognised:50}") int recognisedPoints) {
        this.jdbc = jdbc;
        this.org = org;
        this.points = points;
        this.audit = audit;
        this.events = events;
        this.snapshots = snapshots;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.anonymousAllowed = anonymousAllowed;
        this.adoptedPoints = adoptedPoints;
        this.recognisedPoints = recognisedPoints;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDate due(String status) {
        Integer days = DAYS.get(status);
        return days == null ? null : WorkingDays.after(today(), days);
    }

    /** An employee submits a suggestion; it goes to their union unit. */
    @Transactional
    public long submit(Viewer employee, Draft d) {
        if (employee.employeeId() == null) {
            throw new Refusal("voice.error.employeesOnly");
        }
        String title = text(d.title(), 80, "voice.error.titleRequired");
        String problem = text(d.problem(), 3000, "voice.error.problemRequired");
        String proposal = text(d.proposal(), 3000, "voice.error.proposalRequired");
        String expected = d.expected() == null ? "" : d.expected().strip();
        if (expected.length() > 1000) {
            throw new Refusal("voice.error.tooLong");
        }
        if (d.anonymous() && !anonymousAllowed) {
            throw new Refusal("voice.error.anonymousOff");
        }
        return insert(employee.employeeId(), employee.accountId(), title, problem, proposal, expected, d.anonymous(),
                "");
    }

    /**
     * A workers' congress motion converted to a suggestion (转为合理化建议) by the motions committee: submitted in the
     * proposer's name, named, to the proposer's union unit, and from there on like any other.
     */
    @Transactional
    long submitFromMotion(Viewer committee, long proposerId, Draft d, String note) {
        return insert(proposerId, committee.accountId(), text(d.title(), 80, "voice.error.titleRequired"),
                text(d.problem(), 3000, "voice.error.problemRequired"),
                text(d.proposal(), 3000, "voice.error.proposalRequired"), "", false, note);
    }

    private long insert(long submitterId, long actorAccountId, String title, String problem, String proposal,
                        String expected, boolean anonymous, String note) {
        Long unit = org.unitIdsOf(List.of(submitterId)).get(submitterId);
        if (unit == null) {
            throw new Refusal("voice.error.noUnit");
        }
        long id = jdbc.sql("""
                        INSERT INTO voice_suggestion (title, problem, proposal, expected, submitter_id, anonymous, unit_id,
                          status, holder_unit_id, due_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?) RETURNING id""")
                .params(title, problem, proposal, expected, submitterId, anonymous, unit, unit, due("SUBMITTED"))
                .query(Long.class).single();
        step(id, "SUBMITTED", actorAccountId, unit, note, due("SUBMITTED"));
        snapshots.suggestionChanged(id);
        events.publishEvent(NotificationRequested.toOfficersOf(unit, Message.of(NoticeKind.VOICE,
                "voice.suggestion-submitted", "/voice-admin/suggestions/" + id, title, due("SUBMITTED"))));
        return id;
    }

    /** The holder's officers accept it for review. */
    @Transactional
    public void accept(Viewer officer, long id) {
        Suggestion s = held(officer, id, "SUBMITTED");
        move(officer, s, "ACCEPTED", s.holderUnitId(), "", null,
                Message.of(NoticeKind.VOICE, "voice.suggestion-accepted", submitterLink(s), s.title()));
    }

    /** The holder's officers return it with a reason (it ends there; the person may submit it again, better). */
    @Transactional
    public void returnIt(Viewer officer, long id, String reason) {
        Suggestion s = held(officer, id, "SUBMITTED");
        String r = text(reason, 1000, "voice.error.reasonRequired");
        move(officer, s, "RETURNED", s.holderUnitId(), r, null,
                Message.of(NoticeKind.VOICE, "voice.suggestion-returned", submitterLink(s), s.title(), r));
    }

    /** Assigns an accepted suggestion to the unit that is to carry it out. */
    @Transactional
    public void assign(Viewer officer, long id, long ownerUnitId) {
        Suggestion s = held(officer, id, "ACCEPTED");
        OrgUnit owner = org.unit(ownerUnitId).orElseThrow(() -> new Refusal("voice.error.badOwner"));
        jdbc.sql("UPDATE voice_suggestion SET owner_unit_id = ? WHERE id = ?").params(owner.id(), id).update();
        move(officer, s, "ASSIGNED", owner.id(), owner.name(), null,
                Message.of(NoticeKind.VOICE, "voice.suggestion-assigned", submitterLink(s), s.title(), owner.name()));
    }

    @Transactional
    public void adopt(Viewer officer, long id, String note) {
        Suggestion s = held(officer, id, "ASSIGNED");
        String n = note == null ? "" : note.strip();
        move(officer, s, "ADOPTED", s.holderUnitId(), n, null,
                Message.of(NoticeKind.VOICE, "voice.suggestion-adopted", submitterLink(s), s.title(), line(n)));
        points.credit(s.submitterId(), adoptedPoints, "SUGGESTION_ADOPTED", "suggestion:" + id,
                "合理化建议被采纳：" + s.title(), s.unitId(), officer.accountId());
    }

    @Transactional
    public void decline(Viewer officer, long id, String reason) {
        Suggestion s = held(officer, id, "ASSIGNED");
        String r = text(reason, 1000, "voice.error.reasonRequired");
        move(officer, s, "DECLINED", s.holderUnitId(), r, null,
                Message.of(NoticeKind.VOICE, "voice.suggestion-declined", submitterLink(s), s.title(), r));
    }

    @Transactional
    public void implemented(Viewer officer, long id, String note) {
        Suggestion s = held(officer, id, "ADOPTED");
        String n = note == null ? "" : note.strip();
        move(officer, s, "IMPLEMENTED", s.holderUnitId(), n, null,
                Message.of(NoticeKind.VOICE, "voice.suggestion-implemented", submitterLink(s), s.title(), line(n)));
    }

    /** The owner enters the measured benefit; the suggestion then waits for the committee to confirm it. */
    @Transactional
    public void enterValue(Viewer officer, long id, BigDecimal yuan, String note) {
        Suggestion s = held(officer, id, "IMPLEMENTED");
        if (yuan == null || yuan.signum() < 0 || yuan.compareTo(new BigDecimal("1000000000")) > 0) {
            throw new Refusal("voice.error.badValue");
        }
        String n = text(note, 1000, "voice.error.valueNoteRequired");
        long committee = rootOf(s.unitId());
        jdbc.sql("UPDATE voice_suggestion SET value_yuan = ?, value_note = ? WHERE id = ?").params(yuan, n, id).update();
        jdbc.sql("UPDATE voice_suggestion SET holder_unit_id = ?, holder_since = now() WHERE id = ?")
                .params(committee, id).update();
        step(id, "IMPLEMENTED", officer.accountId(), committee, "效益 " + yuan.toPlainString() + " 元：" + n, s.dueOn());
        snapshots.suggestionChanged(id);
        audit.record(officer, "voice.suggestion.value", "voice_suggestion", id, s.unitId(), s.title(), Map.of(),
                Map.of("valueYuan", yuan));
    }

    /** The committee confirms the measured benefit. */
    @Transactional
    public void confirmValue(Viewer committee, long id) {
        Suggestion s = committeeStep(committee, id, "IMPLEMENTED");
        if (s.valueYuan() == null) {
            throw new Refusal("voice.error.noValueYet");
        }
        jdbc.sql("UPDATE voice_suggestion SET value_confirmed_by = ? WHERE id = ?").params(committee.accountId(), id)
                .update();
        move(committee, s, "VERIFIED", s.holderUnitId(), "", null, Message.of(NoticeKind.VOICE,
                "voice.suggestion-verified", submitterLink(s), s.title(), s.valueYuan().toPlainString()));
    }

    /** The committee recognises a verified suggestion: the submitter is credited points and told. */
    @Transactional
    public void recognise(Viewer committee, long id, String note) {
        Suggestion s = committeeStep(committee, id, "VERIFIED");
        String n = note == null ? "" : note.strip();
        move(committee, s, "RECOGNISED", s.holderUnitId(), n, null,
                Message.of(NoticeKind.VOICE, "voice.suggestion-recognised", submitterLink(s), s.title(), line(n)));
        points.credit(s.submitterId(), recognisedPoints, "SUGGESTION_VERIFIED", "suggestion:" + id,
                "合理化建议效益核实并获表彰：" + s.title(), s.unitId(), committee.accountId());
    }

    private Suggestion committeeStep(Viewer committee, long id, String from) {
        if (!committee.has(Role.COMMITTEE)) {
            throw new NotFoundException("suggestion " + id);
        }
        Suggestion s = lock(id);
        if (!s.status().equals(from) || from.equals("IMPLEMENTED") && s.valueYuan() == null) {
            throw new Refusal("voice.error.wrongStep");
        }
        return s;
    }

    /** The suggestion, locked, when the officer manages its holder and it stands at {@code from}. */
    private Suggestion held(Viewer officer, long id, String from) {
        Suggestion s = lock(id);
        org.managedUnit(officer, s.holderUnitId());
        if (!s.status().equals(from) || from.equals("IMPLEMENTED") && s.valueYuan() != null) {
            throw new Refusal("voice.error.wrongStep");
        }
        return s;
    }

    private Suggestion lock(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("suggestion " + id));
    }

    /** Moves the suggestion to its next step and tells the submitter {@code told}. */
    private void move(Viewer actor, Suggestion s, String to, long holder, String note, LocalDate dueOverride,
                      Message told) {
        LocalDate due = dueOverride != null ? dueOverride : due(to);
        boolean reasoned = to.equals("RETURNED") || to.equals("DECLINED");
        jdbc.sql("""
                        UPDATE voice_suggestion SET status = ?, holder_unit_id = ?, holder_since = now(), due_on = ?,
                          chased = 0, chased_at = NULL, reason = CASE WHEN ? THEN ? ELSE reason END WHERE id = ?""")
                .params(to, holder, due, reasoned, note, s.id()).update();
        step(s.id(), to, actor.accountId(), holder, note, due);
        snapshots.suggestionChanged(s.id());
        audit.record(actor, "voice.suggestion." + to.toLowerCase(Locale.ROOT), "voice_suggestion", s.id(),
                s.unitId(), s.title(), Map.of("status", s.status()), Map.of("status", to));
        events.publishEvent(NotificationRequested.toEmployee(s.submitterId(), told));
    }

    /** Where the submitter follows their suggestion. */
    private static String submitterLink(Suggestion s) {
        return "/voice/suggestions/" + s.id();
    }

    /** An officer's optional note as the last line of a notice, or nothing. */
    static String line(String note) {
        return note.isEmpty() ? "" : "\n" + note;
    }

    private void step(long id, String status, long actor, long holder, String note, LocalDate due) {
        jdbc.sql("""
                        INSERT INTO voice_suggestion_step (suggestion_id, status, actor_id, holder_unit_id, note, due_on)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, status, actor, holder, note, due).update();
    }

    private long rootOf(long unitId) {
        return org.unit(unitId).map(u -> u.pathIds().getFirst()).orElse(unitId);
    }

    private static String text(String value, int max, String key) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new Refusal(key);
        }
        return v;
    }

    /** The submitter's own suggestion, or one the officer's units hold or held; 404 otherwise. */
    public Suggestion visible(Viewer viewer, long id) {
        Suggestion s = jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("suggestion " + id));
        if (viewer.employeeId() != null && viewer.employeeId() == s.submitterId()) {
            return s;
        }
        for (long unit : new LinkedHashSet<>(List.of(s.unitId(), s.holderUnitId()))) {
            if (org.unit(unit).map(u -> viewer.manages(u.pathIds())).orElse(false)) {
                return s;
            }
        }
        if (s.ownerUnitId() != null && org.unit(s.ownerUnitId()).map(u -> viewer.manages(u.pathIds())).orElse(false)) {
            return s;
        }
        throw new NotFoundException("suggestion " + id);
    }

    public List<Step> timeline(long id) {
        return jdbc.sql("""
                        SELECT status, actor_id, holder_unit_id, note, due_on, at FROM voice_suggestion_step
                        WHERE suggestion_id = ? ORDER BY id""")
                .param(id).query((rs, i) -> new Step(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, OffsetDateTime.class))).list();
    }

    public List<Suggestion> mine(long employeeId) {
        return jdbc.sql(COLUMNS + " WHERE submitter_id = ? ORDER BY id DESC").param(employeeId).query(MAPPER).list();
    }

    /** The public board: adopted and later suggestions, with their verified value; anonymous ones without a name. */
    public List<Suggestion> board(int limit) {
        return jdbc.sql(COLUMNS + """
                         WHERE status IN ('ADOPTED', 'IMPLEMENTED', 'VERIFIED', 'RECOGNISED')
                        ORDER BY (status = 'RECOGNISED') DESC, value_yuan DESC NULLS LAST, id DESC LIMIT ?""")
                .param(limit).query(MAPPER).list();
    }

    /**
     * Earlier suggestions with a similar title, to avoid duplicates while typing: titles sharing two-character runs
     * with it, ranked by how many they share (Dice coefficient). Character pairs suit Chinese, which has no spaces
     * between words (PostgreSQL's trigram matching sees a Chinese title as one unknown word).
     */
    public List<Suggestion> similar(String title, int limit) {
        Set<String> pairs = pairs(title);
        if (pairs.isEmpty()) {
            return List.of();
        }
        String[] patterns = pairs.stream().map(p -> "%" + p.replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
        List<Suggestion> candidates = jdbc.sql(COLUMNS + " WHERE status <> 'RETURNED' AND title LIKE ANY(?) "
                        + "ORDER BY id DESC LIMIT 300")
                .param(patterns).query(MAPPER).list();
        return candidates.stream()
                .map(c -> Map.entry(c, dice(pairs, pairs(c.title()))))
                .filter(e -> e.getValue() >= 0.3)
                .sorted(Map.Entry.<Suggestion, Double>comparingByValue().reversed())
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    private static Set<String> pairs(String text) {
        String t = text == null ? "" : text.replaceAll("[\\s\\p{Punct}，。、！？：；“”‘’（）]", "");
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 2 <= t.length(); i++) {
            out.add(t.substring(i, i + 2));
        }
        return out;
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long shared = a.stream().filter(b::contains).count();
        return 2.0 * shared / (a.size() + b.size());
    }

    /**
     * Chases steps past their deadline (督办), once a day each: the first time the holder's officers, then each day
     * the officers one level further up, urgently. The overdue suggestions are claimed with SKIP LOCKED and marked
     * chased in the same statement, so with two nodes each chase goes out once, and the notices commit with the
     * marks. Returns how many were chased.
     */
    @Transactional
    public int chaseOverdue() {
        List<Suggestion> overdue = jdbc.sql("""
                        UPDATE voice_suggestion SET chased = chased + 1, chased_at = now() WHERE id IN (
                          SELECT id FROM voice_suggestion
                          WHERE due_on < ? AND (chased_at IS NULL OR chased_at < now() - interval '20 hours')
                          FOR UPDATE SKIP LOCKED)
                        RETURNING id, title, problem, proposal, expected, submitter_id, anonymous, unit_id,
                          owner_unit_id, status, holder_unit_id, holder_since, due_on, chased - 1, reason, value_yuan,
                          value_note, value_confirmed_by, created_at""")
                .param(today()).query(MAPPER).list();
        for (Suggestion s : overdue) {
            List<Long> chain = org.unit(s.holderUnitId()).map(OrgUnit::pathIds).orElse(List.of(s.holderUnitId()));
            int level = Math.min(s.chased(), chain.size() - 1);
            long unit = chain.get(chain.size() - 1 - level);
            events.publishEvent(NotificationRequested.toOfficersOf(unit, Message.of(NoticeKind.VOICE,
                    "voice.suggestion-overdue", "/voice-admin/suggestions/" + s.id(), s.title(), s.dueOn())
                    .urgently()));
        }
        return overdue.size();
    }
}
