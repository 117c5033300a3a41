package org.tongxin.voice.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.tongxin.shared.db.AdvisoryLocks;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * Moderated discussions (交流探讨). An officer opens a topic for a unit they manage; the employees of its subtree read
 * it, post, reply to a post (one level) and like a post or reply once. A post or reply with a listed sensitive word is
 * held: its author sees it as waiting for review, nobody else does, until a moderator approves it or rejects it with a
 * reason (the author is told). The moderators are the officers of the topic's unit and above: they hide and unhide
 * posts (kept, shown to them as hidden), lock a topic against new posts, unlock and close it. Every moderation is
 * audited. Each person writes at most one post or reply every {@code tongxin.voice.talk.min-gap-seconds} and
 * {@code tongxin.voice.talk.per-hour} an hour, counted from the rows under a per-person lock, so two taps at once
 * cannot both pass.
 */
@Service
public class Discussions {

    static final int MAX_BODY = 1000;
    static final int MAX_REASON = 300;
    static final String LOCK_SPACE = "voice-talk-author";

    /** A topic; {@code closesOn} optional. */
    public record Topic(long id, long unitId, String title, String intro, LocalDate closesOn, String state,
                        long createdBy, OffsetDateTime createdAt) {

        /** Closed by a moderator or past its closing day: read only. */
        public boolean closed(LocalDate today) {
            return state.equals("CLOSED") || closesOn != null && today.isAfter(closesOn);
        }

        public boolean locked() {
            return state.equals("LOCKED");
        }

        public boolean accepting(LocalDate today) {
            return state.equals("OPEN") && !closed(today);
        }
    }

    /** A post, or a reply when {@code parentId} is set. */
    public record Post(long id, long topicId, Long parentId, long authorId, String body, String status,
                       List<String> heldWords, String rejectReason, boolean hidden, int likes,
                       OffsetDateTime createdAt) {

        /** What everybody in the audience sees. */
        public boolean shown() {
            return status.equals("VISIBLE") && !hidden;
        }

        public boolean held() {
            return status.equals("HELD");
        }
    }

    /** A post with the replies the viewer may see, oldest first. */
    public record PostThread(Post post, List<Post> replies) {
    }

    /** What posting did: the new row and whether it waits for review. */
    public record Posted(long id, long topicId, boolean held) {
    }

    /** Counts of a topic for the officers' list. */
    public record Counts(long posts, long held, long hidden) {
    }

    static final String TOPIC = "SELECT id, unit_id, title, intro, closes_on, state, created_by, created_at "
            + "FROM voice_topic";
    static final RowMapper<Topic> TOPIC_MAPPER = (rs, i) -> new Topic(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7),
            rs.getObject(8, OffsetDateTime.class));
    static final String POST = "SELECT p.id, p.topic_id, p.parent_id, p.author_id, p.body, p.status, p.held_words, "
            + "p.reject_reason, p.hidden, p.likes, p.created_at FROM voice_post p";
    static final RowMapper<Post> POST_MAPPER = (rs, i) -> new Post(rs.getLong(1), rs.getLong(2),
            rs.getObject(3, Long.class), rs.getLong(4), rs.getString(5), rs.getString(6),
            List.of((String[]) rs.getArray(7).getArray()), rs.getString(8), rs.getBoolean(9), rs.getInt(10),
            rs.getObject(11, OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final SensitiveWords words;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int minGapSeconds;
    private final int perHour;

    Discussions(JdbcClient jdbc, OrgDirectory org, SensitiveWords words, AuditTrail audit,
                ApplicationEventPublisher events, Optional<Clock> clock,
                @Value("${tongxin.voice.talk.min-gap-seconds:15}") int minGapSeconds,
                @Value("${tongxin.voice.talk.per-hour:20}") int perHour) {
        this.jdbc = jdbc;
        this.org = org;
        this.words = words;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.minGapSeconds = minGapSeconds;
        this.perHour = perHour;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int minGapSeconds() {
        return minGapSeconds;
    }

    public int perHour() {
        return perHour;
    }

    // --- topics ---------------------------------------------------------------------------------------------------

    /**
     * Opens a topic for a unit the officer manages; its employees are told in the inbox when {@code tell}.
     */
    @Transactional
    public long create(Viewer officer, long unitId, String title, String intro, LocalDate closesOn, boolean tell) {
        OrgUnit unit = org.managedUnit(officer, unitId);
        if (unit.isClosed()) {
            throw new Refusal("voice.error.talk.unitClosed");
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 100) {
            throw new Refusal("voice.error.talk.title");
        }
        String i = intro == null ? "" : intro.strip();
        if (i.length() > 3000) {
            throw new Refusal("voice.error.talk.introTooLong");
        }
        if (closesOn != null && closesOn.isBefore(today())) {
            throw new Refusal("voice.error.talk.closesInThePast");
        }
        long id = jdbc.sql("""
                        INSERT INTO voice_topic (unit_id, title, intro, closes_on, created_by)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(unit.id(), t, i, closesOn, officer.accountId()).query(Long.class).single();
        audit.record(officer, "voice.talk.create", "voice_topic", id, unit.id(), t, Map.of(),
                Map.of("closesOn", closesOn == null ? "—" : closesOn, "told", tell));
        if (tell) {
            events.publishEvent(NotificationRequested.toSubtree(unit.id(), Message.of(NoticeKind.VOICE,
                    "voice.talk-opened", "/voice/talk/topics/" + id, t, unit.name())));
        }
        return id;
    }

    public Topic find(long id) {
        return jdbc.sql(TOPIC + " WHERE id = ?").param(id).query(TOPIC_MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("topic " + id));
    }

    /** The ids of the unit of the viewer's employee and of the units above it (empty for no employee). */
    private List<Long> audiencePath(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return List.of();
        }
        Long unit = org.unitIdsOf(List.of(viewer.employeeId())).get(viewer.employeeId());
        return unit == null ? List.of() : org.unit(unit).map(OrgUnit::pathIds).orElse(List.of());
    }

    /** Whether the viewer is an employee of the topic's unit subtree. */
    public boolean inAudience(Viewer viewer, Topic topic) {
        return audiencePath(viewer).contains(topic.unitId());
    }

    /** Whether the viewer is an officer of the topic's unit or above it (the committee: every topic). */
    public boolean moderates(Viewer viewer, Topic topic) {
        return org.unit(topic.unitId()).map(u -> viewer.manages(u.pathIds())).orElse(false);
    }

    /** The topic for its audience and moderators; 404 for anyone else. */
    public Topic readable(Viewer viewer, long topicId) {
        Topic t = find(topicId);
        if (!inAudience(viewer, t) && !moderates(viewer, t)) {
            throw new NotFoundException("topic " + topicId);
        }
        return t;
    }

    /** Topics whose audience the viewer is in, still open or locked (open first), newest first. */
    public List<Topic> openFor(Viewer viewer) {
        List<Long> path = audiencePath(viewer);
        if (path.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(TOPIC + """
                         WHERE unit_id = ANY(?) AND state <> 'CLOSED' AND (closes_on IS NULL OR closes_on >= ?)
                        ORDER BY (state = 'OPEN') DESC, created_at DESC, id DESC LIMIT 100""")
                .params(path.toArray(Long[]::new), today()).query(TOPIC_MAPPER).list();
    }

    /** Closed topics of the viewer's audience, most recent first. */
    public List<Topic> closedFor(Viewer viewer, int limit) {
        List<Long> path = audiencePath(viewer);
        if (path.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(TOPIC + """
                         WHERE unit_id = ANY(?) AND (state = 'CLOSED' OR closes_on < ?)
                        ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(path.toArray(Long[]::new), today(), limit).query(TOPIC_MAPPER).list();
    }

    /** Topics of the units the officer manages (every topic for the committee), newest first. */
    public List<Topic> topicsOf(Viewer officer) {
        Optional<Set<Long>> units = org.manageableUnitIds(officer);
        if (units.isEmpty()) {
            return jdbc.sql(TOPIC + " ORDER BY created_at DESC, id DESC LIMIT 300").query(TOPIC_MAPPER).list();
        }
        if (units.get().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(TOPIC + " WHERE unit_id = ANY(?) ORDER BY created_at DESC, id DESC LIMIT 300")
                .param(units.get().toArray(Long[]::new)).query(TOPIC_MAPPER).list();
    }

    /** Posts and replies of each topic, those held for review and those hidden. */
    public Map<Long, Counts> counts(Collection<Long> topicIds) {
        Map<Long, Counts> out = new HashMap<>();
        if (topicIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT topic_id, count(*) FILTER (WHERE status = 'VISIBLE' AND NOT hidden),
                          count(*) FILTER (WHERE status = 'HELD'), count(*) FILTER (WHERE hidden)
                        FROM voice_post WHERE topic_id = ANY(?) GROUP BY topic_id""")
                .param(topicIds.toArray(Long[]::new))
                .query((rs, i) -> out.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return out;
    }

    @Transactional
    public void lock(Viewer officer, long topicId) {
        Topic t = move(officer, topicId, List.of("OPEN"), "LOCKED");
        audit.record(officer, "voice.talk.lock", "voice_topic", topicId, t.unitId(), t.title(),
                Map.of("state", t.state()), Map.of("state", "LOCKED"));
    }

    @Transactional
    public void unlock(Viewer officer, long topicId) {
        Topic t = move(officer, topicId, List.of("LOCKED"), "OPEN");
        audit.record(officer, "voice.talk.unlock", "voice_topic", topicId, t.unitId(), t.title(),
                Map.of("state", t.state()), Map.of("state", "OPEN"));
    }

    @Transactional
    public void close(Viewer officer, long topicId) {
        Topic t = move(officer, topicId, List.of("OPEN", "LOCKED"), "CLOSED");
        audit.record(officer, "voice.talk.close", "voice_topic", topicId, t.unitId(), t.title(),
                Map.of("state", t.state()), Map.of("state", "CLOSED"));
    }

    /** Moves a topic the officer moderates from one of {@code from} to {@code to}; returns it as it was. */
    private Topic move(Viewer officer, long topicId, List<String> from, String to) {
        Topic t = jdbc.sql(TOPIC + " WHERE id = ? FOR UPDATE").param(topicId).query(TOPIC_MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("topic " + topicId));
        org.managedUnit(officer, t.unitId());
        if (!from.contains(t.state())) {
            throw new Refusal("voice.error.talk.wrongState");
        }
        jdbc.sql("UPDATE voice_topic SET state = ? WHERE id = ?").params(to, topicId).update();
        return t;
    }

    // --- posts ----------------------------------------------------------------------------------------------------

    /**
     * Writes a post, or a reply to a post when {@code parentId} is given, as the viewer: an employee of the audience
     * or a moderator. Refused when the topic is locked or closed, the text empty or too long, or the person wrote
     * within the last {@code min-gap-seconds} or {@code per-hour} times in the last hour. Held for review when a
     * listed word is in it.
     */
    @Transactional
    public Posted post(Viewer author, long topicId, Long parentId, String text) {
        // Shared lock on the topic: a lock or close waits for posts under way, and posts after it see it.
        Topic t = jdbc.sql(TOPIC + " WHERE id = ? FOR SHARE").param(topicId).query(TOPIC_MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("topic " + topicId));
        boolean moderator = moderates(author, t);
        if (!inAudience(author, t) && !moderator) {
            throw new NotFoundException("topic " + topicId);
        }
        if (author.employeeId() == null) {
            throw new Refusal("voice.error.talk.employeesOnly");
        }
        if (t.closed(today())) {
            throw new Refusal("voice.error.talk.closed");
        }
        if (t.locked()) {
            throw new Refusal("voice.error.talk.locked");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_BODY) {
            throw new Refusal("voice.error.talk.length");
        }
        if (parentId != null) {
            Post parent = jdbc.sql(POST + " WHERE p.id = ?").param(parentId).query(POST_MAPPER).optional()
                    .orElseThrow(() -> new NotFoundException("post " + parentId));
            if (parent.topicId() != topicId || parent.parentId() != null) {
                throw new NotFoundException("post " + parentId + " in topic " + topicId);
            }
            if (!parent.shown()) {
                throw new Refusal("voice.error.talk.cannotReply");
            }
        }
        // One writer at a time per person: the count below then sees the other tap's row.
        AdvisoryLocks.holdUntilCommit(jdbc, LOCK_SPACE, author.employeeId());
        Map<String, Object> recent = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE created_at > now() - make_interval(secs => ?)) AS burst,
                          count(*) AS hour FROM voice_post
                        WHERE author_id = ? AND created_at > now() - interval '1 hour'""")
                .params(minGapSeconds, author.employeeId()).query().singleRow();
        if (((Number) recent.get("burst")).longValue() > 0 || ((Number) recent.get("hour")).longValue() >= perHour) {
            throw new Refusal("voice.error.talk.tooFast");
        }
        List<String> hits = words.found(body);
        boolean held = !hits.isEmpty();
        long id = jdbc.sql("""
                        INSERT INTO voice_post (topic_id, parent_id, author_id, body, status, held_words)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(topicId, parentId, author.employeeId(), body, held ? "HELD" : "VISIBLE",
                        hits.toArray(String[]::new))
                .query(Long.class).single();
        if (held) {
            events.publishEvent(NotificationRequested.toOfficersOf(t.unitId(), Message.of(NoticeKind.VOICE,
                    "voice.talk-post-held", "/voice-admin/talk/review", t.title())));
        }
        return new Posted(id, topicId, held);
    }

    public Post post(long id) {
        return jdbc.sql(POST + " WHERE p.id = ?").param(id).query(POST_MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("post " + id));
    }

    /**
     * One page of a topic's posts as the viewer may see them, each with its replies: moderators see every post
     * (held, rejected and hidden ones marked), others the shown ones and their own. {@code sort} is {@code new}
     * (newest first) or {@code liked} (most liked first, then newest).
     */
    public Page<PostThread> page(Viewer viewer, Topic topic, String sort, int page, int size) {
        // Moderators see every row; others the shown ones and their own (held, rejected or hidden).
        List<Object> seenParams = moderates(viewer, topic) ? List.of()
                : List.of(viewer.employeeId() == null ? -1L : viewer.employeeId());
        String seen = seenParams.isEmpty() ? "" : " AND ((p.status = 'VISIBLE' AND NOT p.hidden) OR p.author_id = ?)";
        String order = "liked".equals(sort) ? " ORDER BY p.likes DESC, p.created_at DESC, p.id DESC"
                : " ORDER BY p.created_at DESC, p.id DESC";
        List<Object> params = new ArrayList<>(List.of(topic.id()));
        params.addAll(seenParams);
        long total = jdbc.sql("SELECT count(*) FROM voice_post p WHERE p.topic_id = ? AND p.parent_id IS NULL" + seen)
                .params(params).query(Long.class).single();
        params.add(size);
        params.add((long) page * size);
        List<Post> posts = jdbc.sql(POST + " WHERE p.topic_id = ? AND p.parent_id IS NULL" + seen + order
                        + " LIMIT ? OFFSET ?")
                .params(params).query(POST_MAPPER).list();
        Map<Long, List<Post>> replies = new LinkedHashMap<>();
        posts.forEach(p -> replies.put(p.id(), new ArrayList<>()));
        if (!posts.isEmpty()) {
            List<Object> replyParams = new ArrayList<>();
            replyParams.add(posts.stream().map(Post::id).toArray(Long[]::new));
            replyParams.addAll(seenParams);
            jdbc.sql(POST + " WHERE p.parent_id = ANY(?)" + seen + " ORDER BY p.created_at, p.id")
                    .params(replyParams).query(POST_MAPPER).list()
                    .forEach(r -> replies.get(r.parentId()).add(r));
        }
        return new Page<>(posts.stream().map(p -> new PostThread(p, List.copyOf(replies.get(p.id())))).toList(), page,
                size, total);
    }

    /** The posts among {@code postIds} the viewer has liked. */
    public Set<Long> likedBy(Viewer viewer, Collection<Long> postIds) {
        if (viewer.employeeId() == null || postIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT post_id FROM voice_post_like WHERE employee_id = ? AND post_id = ANY(?)")
                .params(viewer.employeeId(), postIds.toArray(Long[]::new)).query(Long.class).list());
    }

    /** Likes a shown post or reply, once (the database keeps one per person); returns the post's topic. */
    @Transactional
    public long like(Viewer viewer, long postId) {
        Post p = likeable(viewer, postId);
        jdbc.sql("INSERT INTO voice_post_like (post_id, employee_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(postId, viewer.employeeId()).update();
        return p.topicId();
    }

    /** Takes a like back; returns the post's topic. */
    @Transactional
    public long unlike(Viewer viewer, long postId) {
        Post p = likeable(viewer, postId);
        jdbc.sql("DELETE FROM voice_post_like WHERE post_id = ? AND employee_id = ?")
                .params(postId, viewer.employeeId()).update();
        return p.topicId();
    }

    private Post likeable(Viewer viewer, long postId) {
        Post p = post(postId);
        Topic t = readable(viewer, p.topicId());
        if (viewer.employeeId() == null) {
            throw new Refusal("voice.error.talk.employeesOnly");
        }
        if (!p.shown()) {
            throw new NotFoundException("post " + postId);
        }
        if (t.closed(today())) {
            throw new Refusal("voice.error.talk.closed");
        }
        return p;
    }

    // --- moderation -----------------------------------------------------------------------------------------------

    /** The post, locked, and its topic, when the officer moderates the topic; 404 otherwise. */
    private Moderated moderated(Viewer officer, long postId) {
        Post p = jdbc.sql(POST + " WHERE p.id = ? FOR UPDATE").param(postId).query(POST_MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("post " + postId));
        Topic t = find(p.topicId());
        org.managedUnit(officer, t.unitId());
        return new Moderated(p, t);
    }

    private record Moderated(Post post, Topic topic) {
    }

    /** Hides a post or reply from everybody but its author and the moderators; it stays stored. */
    @Transactional
    public long hide(Viewer officer, long postId) {
        Moderated m = moderated(officer, postId);
        if (m.post().hidden()) {
            throw new Refusal("voice.error.talk.alreadyHidden");
        }
        jdbc.sql("UPDATE voice_post SET hidden = true, hidden_by = ?, hidden_at = now() WHERE id = ?")
                .params(officer.accountId(), postId).update();
        audit.record(officer, "voice.talk.hide", "voice_post", postId, m.topic().unitId(), m.topic().title(),
                Map.of("hidden", false), Map.of("hidden", true));
        return m.topic().id();
    }

    @Transactional
    public long unhide(Viewer officer, long postId) {
        Moderated m = moderated(officer, postId);
        if (!m.post().hidden()) {
            throw new Refusal("voice.error.talk.notHidden");
        }
        jdbc.sql("UPDATE voice_post SET hidden = false, hidden_by = NULL, hidden_at = NULL WHERE id = ?")
                .param(postId).update();
        audit.record(officer, "voice.talk.unhide", "voice_post", postId, m.topic().unitId(), m.topic().title(),
                Map.of("hidden", true), Map.of("hidden", false));
        return m.topic().id();
    }

    /** Approves a held post: everybody in the audience sees it from now on. */
    @Transactional
    public long approve(Viewer officer, long postId) {
        Moderated m = moderated(officer, postId);
        if (!m.post().held()) {
            throw new Refusal("voice.error.talk.notHeld");
        }
        jdbc.sql("UPDATE voice_post SET status = 'VISIBLE', reviewed_by = ?, reviewed_at = now() WHERE id = ?")
                .params(officer.accountId(), postId).update();
        audit.record(officer, "voice.talk.approve", "voice_post", postId, m.topic().unitId(), m.topic().title(),
                Map.of("status", "HELD"), Map.of("status", "VISIBLE"));
        return m.topic().id();
    }

    /** Rejects a held post with a reason, told to its author in the inbox; it stays hidden from the others. */
    @Transactional
    public long reject(Viewer officer, long postId, String reason) {
        Moderated m = moderated(officer, postId);
        if (!m.post().held()) {
            throw new Refusal("voice.error.talk.notHeld");
        }
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > MAX_REASON) {
            throw new Refusal("voice.error.talk.reason");
        }
        jdbc.sql("""
                        UPDATE voice_post SET status = 'REJECTED', reject_reason = ?, reviewed_by = ?, reviewed_at = now()
                        WHERE id = ?""")
                .params(r, officer.accountId(), postId).update();
        audit.record(officer, "voice.talk.reject", "voice_post", postId, m.topic().unitId(), m.topic().title(),
                Map.of("status", "HELD"), Map.of("status", "REJECTED", "reason", r));
        events.publishEvent(NotificationRequested.toEmployee(m.post().authorId(), Message.of(NoticeKind.VOICE,
                "voice.talk-post-rejected", "/voice/talk/topics/" + m.topic().id() + "#post-" + postId,
                m.topic().title(), r)));
        return m.topic().id();
    }

    /** Posts held for review in the topics the officer moderates (every topic for the committee), oldest first. */
    public List<Post> held(Viewer officer, int limit) {
        Optional<Set<Long>> units = org.manageableUnitIds(officer);
        String where = " JOIN voice_topic t ON t.id = p.topic_id WHERE p.status = 'HELD'";
        if (units.isEmpty()) {
            return jdbc.sql(POST + where + " ORDER BY p.id LIMIT ?").param(limit).query(POST_MAPPER).list();
        }
        if (units.get().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(POST + where + " AND t.unit_id = ANY(?) ORDER BY p.id LIMIT ?")
                .params(units.get().toArray(Long[]::new), limit).query(POST_MAPPER).list();
    }
}
