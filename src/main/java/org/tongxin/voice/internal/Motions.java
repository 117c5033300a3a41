package org.tongxin.voice.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.time.WorkingDays;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Workers' congress motions (职代会提案). A session of a union unit's congress has a motion-filing window and its
 * representatives (职工代表), chosen from the unit's subtree. Representatives file motions in the window; other
 * representatives co-sign them (附议), once each and never their own. The motions committee — the officers of the
 * session's unit (or above) and the union committee — accepts a motion with enough co-signers as a formal motion
 * (立案, numbered), converts it to a suggestion (转为合理化建议, continuing in {@link SuggestionScheme} in the
 * proposer's name), or declines it with a reason; a formal motion is assigned to a handling unit with a due date,
 * whose officers answer (答复); the proposer rates the answer, and a first "not satisfied" sends it back once for a
 * second answer whose rating is final. Every step is recorded, audited and told in the inbox.
 */
@Service
public class Motions {

    public static final List<String> CATEGORIES = List.of("PRODUCTION", "SAFETY", "WELFARE", "DEMOCRACY", "OTHER");
    public static final List<String> RATINGS = List.of("SATISFIED", "BASIC", "NOT_SATISFIED");
    /** Statuses of formal motions: shown to everyone the session concerns. */
    public static final List<String> PUBLIC = List.of("ACCEPTED", "ASSIGNED", "ANSWERED", "REOPENED", "CLOSED");
    /** Working days the handling unit has for a second answer. */
    static final int SECOND_ANSWER_DAYS = 10;

    /** A session of a unit's workers' congress. */
    public record Congress(long id, String title, long unitId, LocalDate opensOn, LocalDate closesOn,
                           int cosignersNeeded) {

        /** Whether motions may be filed and co-signed today. */
        public boolean open(LocalDate today) {
            return !today.isBefore(opensOn) && !today.isAfter(closesOn);
        }
    }

    /** A motion, with how many have co-signed it. */
    public record Motion(long id, long congressId, Integer caseNo, String title, String reason, String proposal,
                         String category, long proposerId, String status, OffsetDateTime statusSince,
                         Long handlingUnitId, LocalDate dueOn, Long suggestionId, String declineReason,
                         OffsetDateTime createdAt, int cosigns) {

        public boolean overdue(LocalDate today) {
            return dueOn != null && dueOn.isBefore(today);
        }

        public boolean isPublic() {
            return PUBLIC.contains(status);
        }
    }

    /** What a representative writes. */
    public record Draft(String title, String reason, String proposal, String category) {
    }

    /** A co-signature. */
    public record Cosign(long employeeId, OffsetDateTime at) {
    }

    /** An answer of the handling unit and the proposer's rating of it. */
    public record Answer(int round, String text, long unitId, OffsetDateTime answeredAt, String rating,
                         String ratingNote, OffsetDateTime ratedAt) {
    }

    /** One step of the timeline. */
    public record Step(String kind, long actorId, Long unitId, String note, String rating, LocalDate dueOn,
                       OffsetDateTime at) {
    }

    /** Representatives refused: numbers nobody has, and people outside the session's unit. */
    public static final class NumbersRefused extends Refusal {

        private final List<String> unknown;
        private final List<String> outside;

        NumbersRefused(List<String> unknown, List<String> outside) {
            super(unknown.isEmpty() ? "voice.error.motion.outsideUnit" : "voice.error.motion.unknownNumbers");
            this.unknown = List.copyOf(unknown);
            this.outside = List.copyOf(outside);
        }

        public List<String> unknown() {
            return unknown;
        }

        public List<String> outside() {
            return outside;
        }
    }

    static final String CONGRESS = "SELECT id, title, unit_id, opens_on, closes_on, cosigners_needed FROM voice_congress";
    static final RowMapper<Congress> CONGRESS_MAPPER = (rs, i) -> new Congress(rs.getLong(1), rs.getString(2),
            rs.getLong(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getInt(6));
    static final String MOTION = """
            SELECT m.id, m.congress_id, m.case_no, m.title, m.reason, m.proposal, m.category, m.proposer_id, m.status,
              m.status_since, m.handling_unit_id, m.due_on, m.suggestion_id, m.decline_reason, m.created_at,
              (SELECT count(*) FROM voice_motion_cosign c WHERE c.motion_id = m.id)::int
            FROM voice_motion m""";
    static final RowMapper<Motion> MOTION_MAPPER = (rs, i) -> new Motion(rs.getLong(1), rs.getLong(2),
            rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getLong(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getObject(11, Long.class),
            rs.getObject(12, LocalDate.class), rs.getObject(13, Long.class), rs.getString(14),
            rs.getObject(15, OffsetDateTime.class), rs.getInt(16));

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final SuggestionScheme suggestions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Motions(JdbcClient jdbc, OrgDirectory org, SuggestionScheme suggestions, AuditTrail audit,
            ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.suggestions = suggestions;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ----- sessions and representatives -----

    /** Opens a session of the congress of a union unit the officer manages. */
    @Transactional
    public long createCongress(Viewer officer, long unitId, String title, LocalDate opensOn, LocalDate closesOn,
                               int cosignersNeeded) {
        OrgUnit unit = org.managedUnit(officer, unitId);
        if (unit.isClosed() || unit.kind().isPartner()) {
            throw new Refusal("voice.error.motion.badUnit");
        }
        String t = text(title, 100, "voice.error.motion.titleRequired");
        checkSettings(opensOn, closesOn, cosignersNeeded);
        long id = jdbc.sql("""
                        INSERT INTO voice_congress (title, unit_id, opens_on, closes_on, cosigners_needed, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(t, unit.id(), opensOn, closesOn, cosignersNeeded, officer.accountId()).query(Long.class)
                .single();
        audit.record(officer, "voice.motion.congress", "voice_congress", id, unit.id(), t, Map.of(),
                Map.of("opensOn", opensOn, "closesOn", closesOn, "cosignersNeeded", cosignersNeeded));
        return id;
    }

    /** Changes a session's window and the co-signers a motion needs. */
    @Transactional
    public void updateCongress(Viewer officer, long congressId, LocalDate opensOn, LocalDate closesOn,
                               int cosignersNeeded) {
        Congress c = managed(officer, congressId);
        checkSettings(opensOn, closesOn, cosignersNeeded);
        jdbc.sql("UPDATE voice_congress SET opens_on = ?, closes_on = ?, cosigners_needed = ? WHERE id = ?")
                .params(opensOn, closesOn, cosignersNeeded, congressId).update();
        audit.record(officer, "voice.motion.settings", "voice_congress", congressId, c.unitId(), c.title(),
                Map.of("opensOn", c.opensOn(), "closesOn", c.closesOn(), "cosignersNeeded", c.cosignersNeeded()),
                Map.of("opensOn", opensOn, "closesOn", closesOn, "cosignersNeeded", cosignersNeeded));
    }

    private static void checkSettings(LocalDate opensOn, LocalDate closesOn, int cosignersNeeded) {
        if (opensOn == null || closesOn == null || closesOn.isBefore(opensOn)) {
            throw new Refusal("voice.error.motion.badDates");
        }
        if (cosignersNeeded < 0 || cosignersNeeded > 20) {
            throw new Refusal("voice.error.motion.badCosigners");
        }
    }

    /**
     * Adds representatives by employee number (any text with the numbers separated by spaces, commas or lines). All or
     * nothing: a number nobody has, or a person outside the session's unit, refuses the whole list and says which.
     * Returns how many were added (those already representatives are left as they are).
     */
    @Transactional
    public int addRepresentatives(Viewer officer, long congressId, String numbers) {
        Congress c = managed(officer, congressId);
        List<String> typed = numbers(numbers);
        if (typed.isEmpty()) {
            throw new Refusal("voice.error.motion.noNumbers");
        }
        if (typed.size() > 500) {
            throw new Refusal("voice.error.motion.tooManyNumbers");
        }
        Map<String, Long> ids = org.employeeIdsByNumber(typed);
        Set<Long> inSubtree = new HashSet<>(org.activeEmployeesInSubtree(c.unitId()));
        List<String> unknown = typed.stream().filter(n -> !ids.containsKey(n)).toList();
        List<String> outside = typed.stream().filter(n -> ids.containsKey(n) && !inSubtree.contains(ids.get(n)))
                .toList();
        if (!unknown.isEmpty() || !outside.isEmpty()) {
            throw new NumbersRefused(unknown, outside);
        }
        int added = 0;
        for (String n : typed) {
            long employee = ids.get(n);
            if (jdbc.sql("INSERT INTO voice_congress_rep (congress_id, employee_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(congressId, employee).update() == 1) {
                added++;
                events.publishEvent(NotificationRequested.toEmployee(employee, Message.of(NoticeKind.VOICE,
                        "voice.congress-representative", "/voice/congress", c.title(), c.opensOn(), c.closesOn())));
            }
        }
        audit.record(officer, "voice.motion.representatives", "voice_congress", congressId, c.unitId(), c.title(),
                Map.of(), Map.of("added", String.join(" ", typed)));
        return added;
    }

    private static List<String> numbers(String text) {
        if (text == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split("[\\s,，、;；]+")).map(String::strip)
                .filter(n -> !n.isEmpty()).toList()));
    }

    /** Takes a representative off the session (the motions they filed or co-signed stay as they are). */
    @Transactional
    public void removeRepresentative(Viewer officer, long congressId, long employeeId) {
        Congress c = managed(officer, congressId);
        if (jdbc.sql("DELETE FROM voice_congress_rep WHERE congress_id = ? AND employee_id = ?")
                .params(congressId, employeeId).update() == 0) {
            throw new Refusal("voice.error.motion.notRepresentative");
        }
        audit.record(officer, "voice.motion.removeRepresentative", "voice_congress", congressId, c.unitId(),
                c.title(), Map.of("employeeId", employeeId), Map.of());
    }

    public Congress congress(long id) {
        return jdbc.sql(CONGRESS + " WHERE id = ?").param(id).query(CONGRESS_MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("congress " + id));
    }

    /** The session, when the viewer is on its motions committee (its unit's officers or above, the committee). */
    public Congress managed(Viewer officer, long congressId) {
        Congress c = congress(congressId);
        org.managedUnit(officer, c.unitId());
        return c;
    }

    public boolean onCommittee(Viewer viewer, Congress c) {
        return org.unit(c.unitId()).map(u -> viewer.manages(u.pathIds())).orElse(false);
    }

    public boolean isRepresentative(long congressId, Long employeeId) {
        return employeeId != null && jdbc.sql("""
                        SELECT count(*) FROM voice_congress_rep WHERE congress_id = ? AND employee_id = ?""")
                .params(congressId, employeeId).query(Long.class).single() > 0;
    }

    /** The representatives' employee ids, in the order they were added. */
    public List<Long> representatives(long congressId) {
        return jdbc.sql("SELECT employee_id FROM voice_congress_rep WHERE congress_id = ? ORDER BY added_at, employee_id")
                .param(congressId).query(Long.class).list();
    }

    // ----- filing and co-signing -----

    /** A representative files a motion while the session's window is open. */
    @Transactional
    public long file(Viewer representative, long congressId, Draft d) {
        Congress c = congress(congressId);
        if (!isRepresentative(congressId, representative.employeeId())) {
            throw new Refusal("voice.error.motion.notRepresentative");
        }
        if (!c.open(today())) {
            throw new Refusal("voice.error.motion.windowClosed");
        }
        String title = text(d.title(), 80, "voice.error.motion.titleRequired");
        String reason = text(d.reason(), 3000, "voice.error.motion.reasonRequired");
        String proposal = text(d.proposal(), 3000, "voice.error.motion.proposalRequired");
        if (d.category() == null || !CATEGORIES.contains(d.category())) {
            throw new Refusal("voice.error.motion.category");
        }
        long id = jdbc.sql("""
                        INSERT INTO voice_motion (congress_id, title, reason, proposal, category, proposer_id, status)
                        VALUES (?, ?, ?, ?, ?, ?, 'FILED') RETURNING id""")
                .params(congressId, title, reason, proposal, d.category(), representative.employeeId())
                .query(Long.class).single();
        step(id, "FILED", representative.accountId(), c.unitId(), "", null, null);
        audit.record(representative, "voice.motion.filed", "voice_motion", id, c.unitId(), title, Map.of(),
                Map.of("category", d.category()));
        Message m = Message.of(NoticeKind.VOICE, "voice.motion-filed", "/voice/congress/motions/" + id, title,
                c.cosignersNeeded());
        for (long rep : representatives(congressId)) {
            if (rep != representative.employeeId()) {
                events.publishEvent(NotificationRequested.toEmployee(rep, m));
            }
        }
        return id;
    }

    /** Another representative co-signs a filed motion, once, while the window is open. */
    @Transactional
    public void cosign(Viewer representative, long motionId) {
        Motion m = lock(motionId);
        Congress c = congress(m.congressId());
        if (!isRepresentative(c.id(), representative.employeeId())) {
            throw new Refusal("voice.error.motion.notRepresentative");
        }
        if (representative.employeeId() == m.proposerId()) {
            throw new Refusal("voice.error.motion.ownMotion");
        }
        if (!m.status().equals("FILED")) {
            throw new Refusal("voice.error.motion.wrongStep");
        }
        if (!c.open(today())) {
            throw new Refusal("voice.error.motion.windowClosed");
        }
        if (jdbc.sql("""
                        INSERT INTO voice_motion_cosign (motion_id, proposer_id, employee_id) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(motionId, m.proposerId(), representative.employeeId()).update() == 0) {
            throw new Refusal("voice.error.motion.alreadyCosigned");
        }
        int now = m.cosigns() + 1;
        audit.record(representative, "voice.motion.cosigned", "voice_motion", motionId, c.unitId(), m.title(),
                Map.of("cosigns", m.cosigns()), Map.of("cosigns", now));
        events.publishEvent(NotificationRequested.toEmployee(m.proposerId(), Message.of(NoticeKind.VOICE,
                "voice.motion-cosigned", "/voice/congress/motions/" + motionId, m.title(), now, c.cosignersNeeded())));
        if (now == c.cosignersNeeded()) {
            events.publishEvent(NotificationRequested.toOfficersOf(c.unitId(), Message.of(NoticeKind.VOICE,
                    "voice.motion-to-review", "/voice-admin/congress/motions/" + motionId, m.title())));
        }
    }

    // ----- the motions committee -----

    /** Accepts a filed motion with enough co-signers as a formal motion (立案), numbered within the session. */
    @Transactional
    public void accept(Viewer officer, long motionId, String note) {
        Motion m = lock(motionId);
        Congress c = reviewable(officer, m);
        if (m.cosigns() < c.cosignersNeeded()) {
            throw new Refusal("voice.error.motion.tooFewCosigners");
        }
        jdbc.sql("SELECT id FROM voice_congress WHERE id = ? FOR UPDATE").param(c.id()).query(Long.class).single();
        int caseNo = jdbc.sql("SELECT coalesce(max(case_no), 0) + 1 FROM voice_motion WHERE congress_id = ?")
                .param(c.id()).query(Integer.class).single();
        jdbc.sql("UPDATE voice_motion SET status = 'ACCEPTED', status_since = now(), case_no = ? WHERE id = ?")
                .params(caseNo, motionId).update();
        String n = note == null ? "" : note.strip();
        step(motionId, "ACCEPTED", officer.accountId(), c.unitId(), n, null, null);
        audit.record(officer, "voice.motion.accepted", "voice_motion", motionId, c.unitId(), m.title(),
                Map.of("status", m.status()), Map.of("status", "ACCEPTED", "caseNo", caseNo));
        tell(m, Message.of(NoticeKind.VOICE, "voice.motion-accepted", motionLink(m), m.title(), caseNo,
                SuggestionScheme.line(n)));
    }

    /**
     * Converts a filed motion to a suggestion (转为合理化建议): the suggestion is submitted in the proposer's name to
     * their union unit and goes on from there; the motion and the suggestion link to each other.
     */
    @Transactional
    public long convert(Viewer officer, long motionId, String note) {
        Motion m = lock(motionId);
        Congress c = reviewable(officer, m);
        String n = note == null ? "" : note.strip();
        if (n.length() > 1000) {
            throw new Refusal("voice.error.motion.tooLong");
        }
        long suggestion = suggestions.submitFromMotion(officer, m.proposerId(),
                new SuggestionScheme.Draft(m.title(), m.reason(), m.proposal(), "", false),
                "由职代会提案转来 · from a congress motion" + (n.isEmpty() ? "" : "\n" + n));
        jdbc.sql("UPDATE voice_motion SET status = 'CONVERTED', status_since = now(), suggestion_id = ? WHERE id = ?")
                .params(suggestion, motionId).update();
        step(motionId, "CONVERTED", officer.accountId(), c.unitId(), n, null, null);
        audit.record(officer, "voice.motion.converted", "voice_motion", motionId, c.unitId(), m.title(),
                Map.of("status", m.status()), Map.of("status", "CONVERTED", "suggestionId", suggestion));
        tell(m, Message.of(NoticeKind.VOICE, "voice.motion-converted", motionLink(m), m.title(),
                SuggestionScheme.line(n)));
        return suggestion;
    }

    /** Declines a filed motion with a reason (不予立案). */
    @Transactional
    public void decline(Viewer officer, long motionId, String reason) {
        Motion m = lock(motionId);
        Congress c = reviewable(officer, m);
        String r = text(reason, 1000, "voice.error.motion.reasonNeeded");
        jdbc.sql("UPDATE voice_motion SET status = 'DECLINED', status_since = now(), decline_reason = ? WHERE id = ?")
                .params(r, motionId).update();
        step(motionId, "DECLINED", officer.accountId(), c.unitId(), r, null, null);
        audit.record(officer, "voice.motion.declined", "voice_motion", motionId, c.unitId(), m.title(),
                Map.of("status", m.status()), Map.of("status", "DECLINED"));
        tell(m, Message.of(NoticeKind.VOICE, "voice.motion-declined", motionLink(m), m.title(), r));
    }

    private Congress reviewable(Viewer officer, Motion m) {
        Congress c = managed(officer, m.congressId());
        if (!m.status().equals("FILED")) {
            throw new Refusal("voice.error.motion.wrongStep");
        }
        return c;
    }

    /**
     * Assigns a formal motion to the unit that answers it, with a due date (or assigns it elsewhere while it waits for
     * the first answer).
     */
    @Transactional
    public void assign(Viewer officer, long motionId, long unitId, LocalDate dueOn) {
        Motion m = lock(motionId);
        Congress c = managed(officer, m.congressId());
        if (!m.status().equals("ACCEPTED") && !m.status().equals("ASSIGNED")) {
            throw new Refusal("voice.error.motion.wrongStep");
        }
        OrgUnit unit = org.unit(unitId).filter(u -> !u.isClosed())
                .orElseThrow(() -> new Refusal("voice.error.motion.badHandlingUnit"));
        if (dueOn == null || !dueOn.isAfter(today())) {
            throw new Refusal("voice.error.motion.badDue");
        }
        jdbc.sql("""
                        UPDATE voice_motion SET status = 'ASSIGNED', status_since = now(), handling_unit_id = ?, due_on = ?
                        WHERE id = ?""")
                .params(unit.id(), dueOn, motionId).update();
        step(motionId, "ASSIGNED", officer.accountId(), unit.id(), unit.name(), null, dueOn);
        audit.record(officer, "voice.motion.assigned", "voice_motion", motionId, c.unitId(), m.title(),
                Map.of("status", m.status()), Map.of("status", "ASSIGNED", "unit", unit.name(), "dueOn", dueOn));
        tell(m, Message.of(NoticeKind.VOICE, "voice.motion-assigned", motionLink(m), m.title(), unit.name(), dueOn));
        events.publishEvent(NotificationRequested.toOfficersOf(unit.id(), Message.of(NoticeKind.VOICE,
                "voice.motion-to-answer", "/voice-admin/congress/motions/" + motionId, m.title(), dueOn)));
    }

    // ----- the handling unit and the proposer -----

    /** The handling unit's officers answer (答复) an assigned motion, or a reopened one for the second time. */
    @Transactional
    public void answer(Viewer officer, long motionId, String text) {
        Motion m = lock(motionId);
        if (m.handlingUnitId() == null) {
            throw new Refusal("voice.error.motion.wrongStep");
        }
        org.managedUnit(officer, m.handlingUnitId());
        if (!m.status().equals("ASSIGNED") && !m.status().equals("REOPENED")) {
            throw new Refusal("voice.error.motion.wrongStep");
        }
        String t = text(text, 3000, "voice.error.motion.answerRequired");
        int round = m.status().equals("ASSIGNED") ? 1 : 2;
        jdbc.sql("""
                        INSERT INTO voice_motion_answer (motion_id, round, text, unit_id, answered_by)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(motionId, round, t, m.handlingUnitId(), officer.accountId()).update();
        jdbc.sql("UPDATE voice_motion SET status = 'ANSWERED', status_since = now(), due_on = NULL WHERE id = ?")
                .param(motionId).update();
        step(motionId, "ANSWERED", officer.accountId(), m.handlingUnitId(), t, null, null);
        Congress c = congress(m.congressId());
        audit.record(officer, "voice.motion.answered", "voice_motion", motionId, c.unitId(), m.title(),
                Map.of("status", m.status()), Map.of("status", "ANSWERED", "round", round));
        tell(m, round == 1 ? Message.of(NoticeKind.VOICE, "voice.motion-answered", motionLink(m), m.title())
                : Message.of(NoticeKind.VOICE, "voice.motion-answered-again", motionLink(m), m.title()));
    }

    /**
     * The proposer rates the latest answer: satisfied or basically satisfied closes the motion; not satisfied (with a
     * reason) sends it back to the handling unit once, and the rating of the second answer is final.
     */
    @Transactional
    public void rate(Viewer proposer, long motionId, String rating, String note) {
        Motion m = lock(motionId);
        if (proposer.employeeId() == null || proposer.employeeId() != m.proposerId()) {
            throw new Refusal("voice.error.motion.notProposer");
        }
        if (!m.status().equals("ANSWERED")) {
            throw new Refusal("voice.error.motion.wrongStep");
        }
        if (rating == null || !RATINGS.contains(rating)) {
            throw new Refusal("voice.error.motion.rating");
        }
        String n = note == null ? "" : note.strip();
        if (n.length() > 1000) {
            throw new Refusal("voice.error.motion.tooLong");
        }
        int round = jdbc.sql("SELECT max(round) FROM voice_motion_answer WHERE motion_id = ?").param(motionId)
                .query(Integer.class).single();
        boolean reopen = rating.equals("NOT_SATISFIED") && round == 1;
        if (reopen && n.isEmpty()) {
            throw new Refusal("voice.error.motion.reopenReason");
        }
        jdbc.sql("""
                        UPDATE voice_motion_answer SET rating = ?, rating_note = ?, rated_at = now()
                        WHERE motion_id = ? AND round = ? AND rating IS NULL""")
                .params(rating, n, motionId, round).update();
        Congress c = congress(m.congressId());
        if (reopen) {
            LocalDate due = WorkingDays.after(today(), SECOND_ANSWER_DAYS);
            jdbc.sql("UPDATE voice_motion SET status = 'REOPENED', status_since = now(), due_on = ? WHERE id = ?")
                    .params(due, motionId).update();
            step(motionId, "REOPENED", proposer.accountId(), m.handlingUnitId(), n, rating, due);
            audit.record(proposer, "voice.motion.reopened", "voice_motion", motionId, c.unitId(), m.title(),
                    Map.of("status", m.status()), Map.of("status", "REOPENED", "rating", rating));
            events.publishEvent(NotificationRequested.toOfficersOf(m.handlingUnitId(), Message.of(NoticeKind.VOICE,
                    "voice.motion-reopened", "/voice-admin/congress/motions/" + motionId, m.title(), due, n)));
            Message sentBack = Message.of(NoticeKind.VOICE, "voice.motion-sent-back", motionLink(m), m.title());
            cosigners(motionId).forEach(x -> events.publishEvent(NotificationRequested.toEmployee(x.employeeId(),
                    sentBack)));
        } else {
            jdbc.sql("UPDATE voice_motion SET status = 'CLOSED', status_since = now(), due_on = NULL WHERE id = ?")
                    .param(motionId).update();
            step(motionId, "CLOSED", proposer.accountId(), m.handlingUnitId(), n, rating, null);
            audit.record(proposer, "voice.motion.rated", "voice_motion", motionId, c.unitId(), m.title(),
                    Map.of("status", m.status()), Map.of("status", "CLOSED", "rating", rating));
            String link = "/voice-admin/congress/motions/" + motionId;
            events.publishEvent(NotificationRequested.toOfficersOf(m.handlingUnitId(), switch (rating) {
                case "SATISFIED" -> Message.of(NoticeKind.VOICE, "voice.motion-closed-satisfied", link, m.title(),
                        SuggestionScheme.line(n));
                case "BASIC" -> Message.of(NoticeKind.VOICE, "voice.motion-closed-basic", link, m.title(),
                        SuggestionScheme.line(n));
                default -> Message.of(NoticeKind.VOICE, "voice.motion-closed-not-satisfied", link, m.title(),
                        SuggestionScheme.line(n));
            }));
        }
    }

    // ----- reads -----

    public Motion motion(long id) {
        return jdbc.sql(MOTION + " WHERE m.id = ?").param(id).query(MOTION_MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("motion " + id));
    }

    private Motion lock(long id) {
        return jdbc.sql(MOTION + " WHERE m.id = ? FOR UPDATE OF m").param(id).query(MOTION_MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("motion " + id));
    }

    /**
     * Whether an employee may read the motion on their side: its proposer, co-signers and the session's
     * representatives always; once it is a formal motion, everyone in the session's unit.
     */
    public boolean visibleToEmployee(Viewer viewer, Motion m) {
        Long me = viewer.employeeId();
        if (me == null) {
            return false;
        }
        if (me == m.proposerId() || isRepresentative(m.congressId(), me)
                || cosigners(m.id()).stream().anyMatch(x -> x.employeeId() == me)) {
            return true;
        }
        if (!m.isPublic()) {
            return false;
        }
        long unit = congress(m.congressId()).unitId();
        Long own = org.unitIdsOf(List.of(me)).get(me);
        return own != null && org.unit(own).map(u -> u.pathIds().contains(unit)).orElse(false);
    }

    /** Whether an officer may open the motion on their side: the motions committee, or the handling unit's officers. */
    public boolean visibleToOfficer(Viewer viewer, Motion m) {
        if (onCommittee(viewer, congress(m.congressId()))) {
            return true;
        }
        return m.handlingUnitId() != null
                && org.unit(m.handlingUnitId()).map(u -> viewer.manages(u.pathIds())).orElse(false);
    }

    public List<Cosign> cosigners(long motionId) {
        return jdbc.sql("SELECT employee_id, at FROM voice_motion_cosign WHERE motion_id = ? ORDER BY at, employee_id")
                .param(motionId).query((rs, i) -> new Cosign(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
                .list();
    }

    public List<Answer> answers(long motionId) {
        return jdbc.sql("""
                        SELECT round, text, unit_id, answered_at, rating, rating_note, rated_at FROM voice_motion_answer
                        WHERE motion_id = ? ORDER BY round""")
                .param(motionId).query((rs, i) -> new Answer(rs.getInt(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class))).list();
    }

    public List<Step> timeline(long motionId) {
        return jdbc.sql("""
                        SELECT kind, actor_id, unit_id, note, rating, due_on, at FROM voice_motion_step
                        WHERE motion_id = ? ORDER BY id""")
                .param(motionId).query((rs, i) -> new Step(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, OffsetDateTime.class))).list();
    }

    /** The motion a suggestion was converted from, if it was. */
    public Optional<Motion> fromSuggestion(long suggestionId) {
        return jdbc.sql(MOTION + " WHERE m.suggestion_id = ?").param(suggestionId).query(MOTION_MAPPER).optional();
    }

    // ----- helpers -----

    private void step(long motionId, String kind, long actor, Long unit, String note, String rating, LocalDate due) {
        jdbc.sql("""
                        INSERT INTO voice_motion_step (motion_id, kind, actor_id, unit_id, note, rating, due_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(motionId, kind, actor, unit, note, rating, due).update();
    }

    /** Where the proposer and the co-signers follow a motion. */
    private static String motionLink(Motion m) {
        return "/voice/congress/motions/" + m.id();
    }

    /** Tells the proposer and the co-signers. */
    private void tell(Motion m, Message message) {
        List<Long> people = new ArrayList<>();
        people.add(m.proposerId());
        cosigners(m.id()).forEach(x -> people.add(x.employeeId()));
        people.forEach(p -> events.publishEvent(NotificationRequested.toEmployee(p, message)));
    }

    private static String text(String value, int max, String key) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new Refusal(key);
        }
        return v;
    }
}
