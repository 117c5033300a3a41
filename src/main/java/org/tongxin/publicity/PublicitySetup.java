package org.tongxin.publicity;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.OrgDirectory;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.publicity.internal.PublicitySnapshots;
import org.tongxin.publicity.internal.Pushes;
import org.tongxin.publicity.internal.Readership;
import org.tongxin.shared.security.Viewer;

/**
 * Start-up set-up of publicity for the demo enterprise, through the same services the pages use (checked,
 * sanitised, audited as the actor given): articles with their pictures and cover, videos, review, robots, and reads.
 * Only {@link #backdate} writes directly, to spread what one start-up published over the past weeks.
 */
@Service
public class PublicitySetup {

    /**
     * An article to write: the body may name its pictures as {@code {pic0}}, {@code {pic1}} …, replaced by their
     * addresses once uploaded.
     */
    public record Article(long unitId, String category, String title, String summary, String bodyHtml,
                          byte[] cover, List<byte[]> pictures, boolean internal) {
    }

    private final PublicityService publicity;
    private final PublicityMedia media;
    private final Pushes pushes;
    private final Readership readership;
    private final OrgDirectory org;
    private final PublicitySnapshots snapshots;
    private final JdbcClient jdbc;

    PublicitySetup(PublicityService publicity, PublicityMedia media, Pushes pushes,
                   Readership readership, OrgDirectory org, PublicitySnapshots snapshots, JdbcClient jdbc) {
        this.publicity = publicity;
        this.snapshots = snapshots;
        this.media = media;
        this.pushes = pushes;
        this.readership = readership;
        this.org = org;
        this.jdbc = jdbc;
    }

    /** Writes an article as a draft with its pictures and cover; returns its id. */
    @Transactional
    public long write(Viewer writer, Article a) {
        long id = publicity.create(writer, new Items.Draft("ARTICLE", a.title(), a.summary(), "<p>…</p>", a.category(),
                a.unitId(), null, a.internal()), null);
        String body = a.bodyHtml();
        List<String> urls = new ArrayList<>();
        for (byte[] picture : a.pictures()) {
            urls.add(media.addPicture(writer, id, picture).imageUrl());
        }
        for (int i = 0; i < urls.size(); i++) {
            body = body.replace("{pic" + i + "}", urls.get(i));
        }
        publicity.update(writer, id, new Items.Draft("ARTICLE", a.title(), a.summary(), body, a.category(),
                a.unitId(), null, a.internal()));
        if (a.cover() != null) {
            media.setCover(writer, id, a.cover());
        }
        return id;
    }

    /** Starts a video item from an MP4 file. */
    @Transactional
    public long video(Viewer writer, long unitId, String category, String title, String summary, String bodyHtml,
                      String externalUrl, Path mp4) {
        return media.createVideo(writer, new Items.Draft("VIDEO", title, summary, bodyHtml, category, unitId,
                externalUrl, false), mp4);
    }

    @Transactional
    public void submit(Viewer writer, long id) {
        publicity.submit(writer, id);
    }

    /** Approves a submitted item: published now, or at {@code at} when that lies ahead. */
    @Transactional
    public void approve(Viewer reviewer, long id, OffsetDateTime at) {
        publicity.approve(reviewer, id, at);
    }

    @Transactional
    public void sendBack(Viewer reviewer, long id, String comment) {
        publicity.sendBack(reviewer, id, comment);
    }

    @Transactional
    public void nameReviewer(Viewer officer, long unitId, long accountId) {
        publicity.nameReviewer(officer, unitId, accountId);
    }

    /** Adds a chat-group robot; an example robot is left switched off so that nothing is sent from a trial run. */
    @Transactional
    public long robot(Viewer officer, long unitId, String kind, String name, String url, String secret,
                      boolean active) {
        long id = pushes.add(officer, unitId, kind, name, url, secret);
        if (!active) {
            pushes.deactivate(officer, id);
        }
        return id;
    }

    /**
     * Reads of a published item: by the employees given (each once, with their union unit) and by
     * {@code anonymous} readers without an account; and shares by channel on {@code day}.
     */
    @Transactional
    public void reads(long itemId, List<Long> employeeIds, int anonymous, Map<String, Integer> shares, LocalDate day) {
        Map<Long, Long> units = org.unitIdsOf(employeeIds);
        List<Readership.Reader> readers = new ArrayList<>();
        for (Long e : employeeIds) {
            readers.add(new Readership.Reader("e:" + e, e, units.get(e)));
        }
        for (int i = 0; i < anonymous; i++) {
            readers.add(new Readership.Reader("c:demo-" + itemId + "-" + i, null, null));
        }
        readership.readsAtStart(itemId, readers);
        shares.forEach((channel, n) -> {
            if (n > 0) {
                readership.sharesAtStart(itemId, channel, day, n);
            }
        });
    }

    /**
     * Moves what happened to an item {@code daysAgo} days back, as if written, reviewed and read then; the item's
     * snapshot is published again (reads written here publish none).
     */
    @Transactional
    public void backdate(long itemId, int daysAgo) {
        String shift = daysAgo + " days";
        jdbc.sql("""
                        UPDATE publicity_item SET created_at = created_at - CAST(? AS interval),
                          updated_at = updated_at - CAST(? AS interval),
                          submitted_at = submitted_at - CAST(? AS interval), approved_at = approved_at - CAST(? AS interval),
                          published_at = published_at - CAST(? AS interval) WHERE id = ?""")
                .params(shift, shift, shift, shift, shift, itemId).update();
        jdbc.sql("UPDATE publicity_read SET first_at = first_at - CAST(? AS interval) WHERE item_id = ?")
                .params(shift, itemId).update();
        snapshots.itemChanged(itemId);
    }
}
