package org.tongxin.live.internal;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.files.Photos;
import org.tongxin.shared.security.Viewer;

/**
 * A session's cover picture: uploaded by whoever runs the session, re-encoded as a phone-size JPEG (the original
 * with its EXIF data is not kept), shown on the list, the home card and the watch page before the stream starts.
 */
@Service
public class LiveCovers {

    private static final String FOLDER = "livecovers";

    private final LiveService live;
    private final Sessions sessions;
    private final Photos photos;
    private final FileStore files;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    LiveCovers(LiveService live, Sessions sessions, Photos photos, FileStore files, AuditTrail audit,
               TransactionTemplate tx) {
        this.live = live;
        this.sessions = sessions;
        this.photos = photos;
        this.files = files;
        this.audit = audit;
        this.tx = tx;
    }

    /** Sets (or replaces) the cover; the picture is checked and resized before anything is stored. */
    public void setCover(Viewer viewer, long sessionId, byte[] upload) {
        Sessions.Session s = live.runnable(viewer, sessionId);
        Photos.Prepared prepared = photos.prepare(upload);
        tx.executeWithoutResult(status -> {
            Photos.Stored stored = photos.store(FOLDER, prepared);
            sessions.setCover(sessionId, stored.imageKey());
            audit.record(viewer, "live.cover", "live_session", sessionId, s.hostUnitId(), s.title(),
                    Map.of("cover", String.valueOf(s.coverKey() != null)), Map.of("cover", "true"));
        });
    }

    public Optional<FileStore.Image> cover(Sessions.Session s) {
        return s.coverKey() == null ? Optional.empty() : files.readImage(s.coverKey());
    }
}
