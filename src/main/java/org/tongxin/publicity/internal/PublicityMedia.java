package org.tongxin.publicity.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.files.Photos;
import org.tongxin.shared.files.VideoProbe;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;

/**
 * Pictures, covers and short videos of items. Pictures are stored in two sizes (a thumbnail and a phone-wide
 * image, EXIF-turned, re-encoded, so no camera metadata such as a location leaves the platform) and put into the
 * body as {@code /publicity/pictures/{id}/image}; a cover is one such picture. A video item's file is told from its
 * bytes (MP4), checked to hold H.264 when ffprobe is installed, and gets a poster frame. Files are written inside
 * the transaction that records them and removed again if it rolls back.
 */
@Service
public class PublicityMedia {

    static final String FOLDER = "publicity";
    private static final int POSTER_BYTES = 2 * 1024 * 1024;
    private static final Set<String> EDITABLE = Set.of("DRAFT", "RETURNED");

    /** A picture of an item, for the editor's list. */
    public record Picture(long id, long itemId, int width, int height) {

        public String imageUrl() {
            return "/publicity/pictures/" + id + "/image";
        }

        public String thumbUrl() {
            return "/publicity/pictures/" + id + "/thumb";
        }
    }

    private final PublicityService publicity;
    private final Items items;
    private final Photos photos;
    private final FileStore files;
    private final VideoProbe videos;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final long videoBytes;

    PublicityMedia(PublicityService publicity, Items items, Photos photos, FileStore files, VideoProbe videos,
                   AuditTrail audit, JdbcClient jdbc, TransactionTemplate tx,
                   @Value("${tongxin.publicity.video-max-mb:60}") long videoMaxMb) {
        this.publicity = publicity;
        this.items = items;
        this.photos = photos;
        this.files = files;
        this.videos = videos;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.videoBytes = videoMaxMb * 1024 * 1024;
    }

    public long videoMaxMb() {
        return videoBytes / 1024 / 1024;
    }

    /** Adds a picture to an item being written; returns its id (its URL goes into the body). */
    public Picture addPicture(Viewer officer, long itemId, byte[] upload) {
        Items.Item item = editable(officer, itemId);
        Photos.Prepared prepared = photos.prepare(upload);
        return tx.execute(s -> {
            Photos.Stored stored = photos.store(FOLDER, prepared);
            long id = jdbc.sql("""
                            INSERT INTO publicity_picture (item_id, thumb_key, image_key, width, height, uploaded_by)
                            VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(itemId, stored.thumbKey(), stored.imageKey(), stored.imageWidth(), stored.imageHeight(),
                            officer.accountId())
                    .query(Long.class).single();
            audit.record(officer, "publicity.picture.add", "publicity_item", itemId, item.unitId(), item.title(),
                    Map.of(), Map.of("pictureId", id));
            return new Picture(id, itemId, stored.imageWidth(), stored.imageHeight());
        });
    }

    /** Sets the cover of an item being written (shown in lists, cards, posters and shared links). */
    public void setCover(Viewer officer, long itemId, byte[] upload) {
        Items.Item item = editable(officer, itemId);
        Photos.Prepared prepared = photos.prepare(upload);
        tx.executeWithoutResult(s -> {
            Photos.Stored stored = photos.store(FOLDER, prepared);
            items.setMedia(itemId, stored.imageKey(), null, null, null);
            jdbc.sql("UPDATE publicity_item SET cover_thumb_key = ? WHERE id = ?").params(stored.thumbKey(), itemId)
                    .update();
            audit.record(officer, "publicity.cover", "publicity_item", itemId, item.unitId(), item.title(),
                    Map.of("cover", String.valueOf(item.coverKey() != null)), Map.of("cover", "true"));
        });
    }

    /**
     * Starts a video item from an upload spooled to disk: MP4 within the size limit, H.264 when ffprobe can tell,
     * with its length and a poster frame (which is also its cover until one is uploaded).
     */
    public long createVideo(Viewer officer, Items.Draft draft, Path upload) {
        files.checkMedia(upload, FileStore.MediaKind.MP4, videoBytes);
        VideoProbe.Probe probe = videos.probe(upload);
        return tx.execute(s -> {
            String key = files.storeMedia(FOLDER, upload, FileStore.MediaKind.MP4, videoBytes);
            long id = publicity.create(officer, new Items.Draft("VIDEO", draft.title(), draft.summary(),
                    draft.bodyHtml(), draft.category(), draft.unitId(), draft.externalUrl(), draft.internal()), key);
            String poster = probe.poster() == null ? null : files.storeImage(FOLDER, probe.poster(), POSTER_BYTES);
            items.setMedia(id, null, null, poster, probe.durationS());
            return id;
        });
    }

    public List<Picture> pictures(long itemId) {
        return jdbc.sql("SELECT id, item_id, width, height FROM publicity_picture WHERE item_id = ? ORDER BY id")
                .param(itemId).query((rs, i) -> new Picture(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    /** The item a picture belongs to, for the access check before it is served. */
    public Optional<Long> itemOfPicture(long pictureId) {
        return jdbc.sql("SELECT item_id FROM publicity_picture WHERE id = ?").param(pictureId).query(Long.class)
                .optional();
    }

    /** A picture in one of its sizes ({@code thumb} or {@code image}). */
    public Optional<FileStore.Image> picture(long pictureId, boolean thumb) {
        return jdbc.sql("SELECT " + (thumb ? "thumb_key" : "image_key") + " FROM publicity_picture WHERE id = ?")
                .param(pictureId).query(String.class).optional().flatMap(files::readImage);
    }

    /** The cover, or for a video without one its poster frame. */
    public Optional<FileStore.Image> cover(Items.Item item) {
        String key = item.coverKey() != null ? item.coverKey() : item.posterKey();
        return key == null ? Optional.empty() : files.readImage(key);
    }

    /** The cover's thumbnail for lists; the cover (or poster frame) itself when it has none. */
    public Optional<FileStore.Image> coverThumb(Items.Item item) {
        if (item.coverKey() != null) {
            Optional<FileStore.Image> thumb = jdbc.sql("SELECT cover_thumb_key FROM publicity_item WHERE id = ?")
                    .param(item.id()).query(String.class).optional().flatMap(files::readImage);
            if (thumb.isPresent()) {
                return thumb;
            }
        }
        return cover(item);
    }

    public Optional<FileStore.Image> poster(Items.Item item) {
        return item.posterKey() == null ? Optional.empty() : files.readImage(item.posterKey());
    }

    public Optional<FileStore.Media> video(Items.Item item) {
        return item.videoKey() == null ? Optional.empty() : files.media(item.videoKey());
    }

    private Items.Item editable(Viewer officer, long itemId) {
        Items.Item item = publicity.managed(officer, itemId);
        if (!EDITABLE.contains(item.status())) {
            throw new Refusal("publicity.error.notEditable");
        }
        return item;
    }
}
