package org.tongxin.publicity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The editorial workflow: draft → submitted → approved by a reviewer (published at once or at a set moment) or
 * sent back with a comment → published → withdrawn. Officers of a unit write for it; a reviewer named for the unit
 * or one above (or the committee) approves, never their own work. Publishing queues the pushes to the unit's
 * chat-group robots in the same transaction.
 */
@Service
public class PublicityService {

    static final Set<String> CATEGORIES = Set.of("NEWS", "POLICY", "MODELS", "NOTICE", "CULTURE", "SAFETY");

    private final Items items;
    private final Pushes pushes;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final PublicitySnapshots snapshots;
    private final Clock clock;

    PublicityService(Items items, Pushes pushes, OrgDirectory org, AuditTrail audit, JdbcClient jdbc,
                     PublicitySnapshots snapshots, Optional<Clock> clock) {
        this.items = items;
        this.snapshots = snapshots;
        this.pushes = pushes;
        this.org = org;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Checks and cleans a draft: title, summary (from the body when left empty), category, sanitised body. */
    Items.Draft checked(Items.Draft d) {
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || title.length() > 100) {
            throw new Refusal("publicity.error.titleRequired");
        }
        if (!CATEGORIES.contains(d.category())) {
            throw new Refusal("publicity.error.badCategory");
        }
        String body = HtmlPolicy.sanitize(d.bodyHtml());
        if (body.length() > 200_000) {
            throw new Refusal("publicity.error.tooLong");
        }
        String summary = d.summary() == null || d.summary().isBlank() ? HtmlPolicy.text(body) : d.summary().strip();
        if (summary.length() > 120) {
            summary = summary.substring(0, 119) + "…";
        }
        String external = d.externalUrl() == null || d.externalUrl().isBlank() ? null : d.externalUrl().strip();
        if (external != null && (!external.startsWith("https://") || external.length() > 500)) {
            throw new Refusal("publicity.error.badLink");
        }
        if (d.kind().equals("ARTICLE") && HtmlPolicy.text(body).isEmpty()) {
            throw new Refusal("publicity.error.bodyRequired");
        }
        return new Items.Draft(d.kind(), title, summary, body, d.category(), d.unitId(), external, d.internal());
    }

    /** An officer starts an article (or a video item, whose file is stored by the caller) for a unit they manage. */
    @Transactional
    public long create(Viewer officer, Items.Draft draft, String videoKey) {
        OrgUnit unit = org.managedUnit(officer, draft.unitId());
        if (draft.kind().equals("VIDEO") != (videoKey != null)) {
            throw new Refusal("publicity.error.videoRequired");
        }
        Items.Draft d = checked(draft);
        long id = items.insert(d, videoKey, officer.accountId());
        audit.record(officer, "publicity.create", "publicity_item", id, unit.id(), d.title(), Map.of(),
                Map.of("kind", d.kind(), "category", d.category()));
        return id;
    }

    /** Changes a draft or an item sent back; a submitted or published item is not edited in place. */
    @Transactional
    public void update(Viewer officer, long id, Items.Draft draft) {
        Items.Item item = managed(officer, id);
        if (!Set.of("DRAFT", "RETURNED").contains(item.status())) {
            throw new Refusal("publicity.error.notEditable");
        }
        Items.Draft d = checked(new Items.Draft(item.kind(), draft.title(), draft.summary(), draft.bodyHtml(),
                draft.category(), item.unitId(), draft.externalUrl(), draft.internal()));
        items.update(id, d);
        audit.record(officer, "publicity.update", "publicity_item", id, item.unitId(), d.title(),
                Map.of("title", item.title()), Map.of("title", d.title()));
    }

    @Transactional
    public void submit(Viewer officer, long id) {
        Items.Item item = managed(officer, id);
        if (!Set.of("DRAFT", "RETURNED").contains(item.status())) {
            throw new Refusal("publicity.error.notEditable");
        }
        if (item.coverKey() == null && item.kind().equals("ARTICLE")) {
            throw new Refusal("publicity.error.coverRequired");
        }
        items.submitted(id, officer.accountId());
        audit.record(officer, "publicity.submit", "publicity_item", id, item.unitId(), item.title(),
                Map.of("status", item.status()), Map.of("status", "SUBMITTED"));
    }

    /**
     * A reviewer approves a submitted item: published now, or at {@code at} when that lies ahead (the scheduler
     * publishes it then). Nobody approves an item they wrote or submitted.
     */
    @Transactional
    public void approve(Viewer reviewer, long id, OffsetDateTime at) {
        Items.Item item = reviewable(reviewer, id);
        OffsetDateTime now = now();
        if (at != null && at.isAfter(now)) {
            items.scheduled(id, reviewer.accountId(), at);
            audit.record(reviewer, "publicity.schedule", "publicity_item", id, item.unitId(), item.title(),
                    Map.of("status", item.status()), Map.of("publishAt", at));
            return;
        }
        publish(item, reviewer.accountId(), now);
        audit.record(reviewer, "publicity.publish", "publicity_item", id, item.unitId(), item.title(),
                Map.of("status", item.status()), Map.of("status", "PUBLISHED"));
    }

    /** A reviewer sends a submitted item back to its unit with a comment. */
    @Transactional
    public void sendBack(Viewer reviewer, long id, String comment) {
        Items.Item item = reviewable(reviewer, id);
        String c = comment == null ? "" : comment.strip();
        if (c.isEmpty() || c.length() > 500) {
            throw new Refusal("publicity.error.commentRequired");
        }
        items.returned(id, c);
        audit.record(reviewer, "publicity.return", "publicity_item", id, item.unitId(), item.title(),
                Map.of("status", item.status()), Map.of("status", "RETURNED", "comment", c));
    }

    /** Officers of the unit or a reviewer withdraw a published item with a reason; its page then says so. */
    @Transactional
    public void withdraw(Viewer officer, long id, String reason) {
        Items.Item item = items.lock(id).orElseThrow(() -> new NotFoundException("item " + id));
        if (!mayReview(officer, item.unitId())) {
            org.managedUnit(officer, item.unitId());
        }
        if (!item.published()) {
            throw new Refusal("publicity.error.notPublished");
        }
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 500) {
            throw new Refusal("publicity.error.reasonRequired");
        }
        items.withdrawn(id, r, now());
        snapshots.itemChanged(id);
        audit.record(officer, "publicity.withdraw", "publicity_item", id, item.unitId(), item.title(),
                Map.of("status", "PUBLISHED"), Map.of("status", "WITHDRAWN", "reason", r));
    }

    /** Publishes approved items whose moment has come; returns how many. */
    @Transactional
    public int publishDue() {
        OffsetDateTime now = now();
        int n = 0;
        for (long id : items.dueForPublishing(now)) {
            Items.Item item = items.lock(id).orElseThrow();
            if (item.status().equals("SUBMITTED") && item.approvedBy() != null && item.publishAt() != null
                    && !item.publishAt().isAfter(now)) {
                publish(item, item.approvedBy(), now);
                n++;
            }
        }
        return n;
    }

    private void publish(Items.Item item, long approvedBy, OffsetDateTime at) {
        items.published(item.id(), approvedBy, at);
        snapshots.itemChanged(item.id());
        pushes.queue(item.id(), item.unitId());
    }

    /** The item when the officer manages its unit; 404 otherwise. */
    public Items.Item managed(Viewer officer, long id) {
        Items.Item item = items.find(id).orElseThrow(() -> new NotFoundException("item " + id));
        org.managedUnit(officer, item.unitId());
        return item;
    }

    private Items.Item reviewable(Viewer reviewer, long id) {
        Items.Item item = items.lock(id).orElseThrow(() -> new NotFoundException("item " + id));
        if (!mayReview(reviewer, item.unitId())) {
            throw new NotFoundException("item " + id);
        }
        if (!item.status().equals("SUBMITTED") || item.approvedBy() != null) {
            throw new Refusal("publicity.error.notSubmitted");
        }
        if (item.createdBy() == reviewer.accountId()
                || item.submittedBy() != null && item.submittedBy() == reviewer.accountId()) {
            throw new Refusal("publicity.error.ownWork");
        }
        return item;
    }

    /** The committee, or an officer named reviewer for the unit or one above it. */
    public boolean mayReview(Viewer viewer, long unitId) {
        if (viewer.has(Role.COMMITTEE)) {
            return true;
        }
        if (!viewer.isOfficerOrAbove()) {
            return false;
        }
        List<Long> path = org.unit(unitId).map(OrgUnit::pathIds).orElse(List.of());
        return !path.isEmpty() && jdbc.sql("""
                        SELECT count(*) FROM publicity_reviewer WHERE account_id = ? AND unit_id = ANY(?)""")
                .params(viewer.accountId(), path.toArray(Long[]::new)).query(Long.class).single() > 0;
    }

    /** An officer names a reviewer for a unit they manage. */
    @Transactional
    public void nameReviewer(Viewer officer, long unitId, long accountId) {
        OrgUnit unit = org.managedUnit(officer, unitId);
        jdbc.sql("INSERT INTO publicity_reviewer (unit_id, account_id, named_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(unit.id(), accountId, officer.accountId()).update();
        audit.record(officer, "publicity.reviewer.name", "publicity_reviewer", accountId, unit.id(), unit.name(),
                Map.of(), Map.of("accountId", accountId));
    }

    @Transactional
    public void removeReviewer(Viewer officer, long unitId, long accountId) {
        OrgUnit unit = org.managedUnit(officer, unitId);
        jdbc.sql("DELETE FROM publicity_reviewer WHERE unit_id = ? AND account_id = ?").params(unit.id(), accountId)
                .update();
        audit.record(officer, "publicity.reviewer.remove", "publicity_reviewer", accountId, unit.id(), unit.name(),
                Map.of("accountId", accountId), Map.of());
    }
}
