package org.tongxin.live.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.files.FileStore;

/**
 * HLS pushed by the presenter's encoder over HTTP PUT ({@code ffmpeg -f hls -method PUT …/live/ingest/{key}/live.m3u8}).
 * The key decides the session; a wrong key, or a session that is over, is refused before a byte is written. Each
 * segment is stored under its own row id (an encoder that restarts reuses names, and viewers and the replay must
 * never get a different file under an address they already have). Each playlist is kept with its segment
 * addresses rewritten to ours, up to the first segment not yet received, and tells each segment's length.
 * Segments are kept after the encoder drops them from its window: the replay is made of all of them.
 */
@Service
public class Ingest {

    /** Refused: no session has this key, or it is over. Answered 403 with nothing written. */
    public static class KeyRefused extends RuntimeException {
        KeyRefused() {
            super("stream key refused");
        }
    }

    /** A name the encoder may use: a playlist or a segment, nothing with a path. */
    public static class BadName extends RuntimeException {
        BadName(String name) {
            super("not a stream file name: " + name);
        }
    }

    static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]{1,60})\\.(ts|m4s|mp4)");
    static final Pattern PLAYLIST = Pattern.compile("[A-Za-z0-9_-]{1,60}\\.m3u8");
    private static final Pattern EXTINF = Pattern.compile("#EXTINF:([0-9.]+)");
    private static final Pattern MAP_URI = Pattern.compile("URI=\"([^\"]+)\"");
    static final long MAX_SEGMENT_BYTES = 32L * 1024 * 1024;
    private static final int MAX_PLAYLIST_BYTES = 256 * 1024;

    private final Sessions sessions;
    private final FileStore files;
    private final JdbcClient jdbc;
    private final LiveSnapshots snapshots;

    Ingest(Sessions sessions, FileStore files, JdbcClient jdbc, LiveSnapshots snapshots) {
        this.sessions = sessions;
        this.snapshots = snapshots;
        this.files = files;
        this.jdbc = jdbc;
    }

    /** Stores a playlist or segment pushed with {@code key}. */
    @Transactional
    public void put(String key, String name, InputStream body) {
        Sessions.Session s = session(key);
        Matcher segment = SEGMENT.matcher(name);
        if (segment.matches()) {
            String ext = segment.group(2);
            long id = jdbc.sql("""
                            INSERT INTO live_segment (session_id, name, extension, bytes) VALUES (?, ?, ?, 0) RETURNING id""")
                    .params(s.id(), name, ext).query(Long.class).single();
            long size = files.writePiece(pieceKey(s.id(), id, ext), body, MAX_SEGMENT_BYTES);
            jdbc.sql("UPDATE live_segment SET bytes = ? WHERE id = ?").params(size, id).update();
            // An encoder may send the playlist naming a segment before the segment itself has arrived (ffmpeg sends
            // it while the segment's upload is still finishing). The session's row is locked here and before a
            // playlist is rewritten, so either the playlist sees this segment committed or this sees the playlist.
            // NO KEY UPDATE, not UPDATE: the segment's insert already holds a key-share lock on the session's row
            // (its foreign key), which FOR UPDATE in the playlist's transaction would wait for while this one waits
            // for the playlist's — a deadlock whenever the two uploads overlap.
            jdbc.sql("SELECT live_playlist_source FROM live_session WHERE id = ? FOR NO KEY UPDATE").param(s.id())
                    .query(String.class).optional().filter(source -> source != null && source.contains(name))
                    .ifPresent(source -> keep(s.id(), source));
        } else if (PLAYLIST.matcher(name).matches()) {
            String playlist = read(body);
            jdbc.sql("SELECT id FROM live_session WHERE id = ? FOR NO KEY UPDATE").param(s.id()).query(Long.class).single();
            keep(s.id(), playlist);
        } else {
            throw new BadName(name);
        }
        jdbc.sql("""
                        UPDATE live_session SET last_ingest_at = now(), went_live_at = coalesce(went_live_at, now()),
                          state = CASE WHEN state = 'SCHEDULED' THEN 'LIVE' ELSE state END WHERE id = ?""")
                .param(s.id()).update();
        if (s.state().equals("SCHEDULED")) {
            snapshots.sessionChanged(s.id());
        }
    }

    /** An encoder deleting a segment that left its window: the key is checked, the segment kept for the replay. */
    public void delete(String key, String name) {
        session(key);
        if (!SEGMENT.matcher(name).matches() && !PLAYLIST.matcher(name).matches()) {
            throw new BadName(name);
        }
    }

    /**
     * Whether a push with this key would be taken now: a session scheduled or live has it. For a relay in front
     * (nginx-rtmp's {@code on_publish}) that asks before it takes a stream; nothing is written.
     */
    public boolean accepts(String key) {
        try {
            session(key);
            return true;
        } catch (KeyRefused refused) {
            return false;
        }
    }

    private Sessions.Session session(String key) {
        if (key == null || key.length() > 100) {
            throw new KeyRefused();
        }
        Sessions.Session s = sessions.byKeyHash(StreamKeys.hash(key)).orElseThrow(KeyRefused::new);
        if (s.state().equals("ENDED") || s.state().equals("CANCELLED")) {
            throw new KeyRefused();
        }
        return s;
    }

    private void keep(long sessionId, String source) {
        jdbc.sql("UPDATE live_session SET live_playlist = ?, live_playlist_source = ? WHERE id = ?")
                .params(rewrite(sessionId, source), source, sessionId).update();
    }

    static String pieceKey(long sessionId, long segmentId, String ext) {
        return "live/" + sessionId + "/" + segmentId + "." + ext;
    }

    private static String read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_PLAYLIST_BYTES + 1);
            if (bytes.length > MAX_PLAYLIST_BYTES) {
                throw new BadName("playlist too large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The playlist with each segment's address replaced by ours ({@code seg/{id}.{ext}}, relative to the served
     * playlist), cut before the first segment not received yet; records the lengths it tells.
     */
    private String rewrite(long sessionId, String playlist) {
        List<String> out = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        Double duration = null;
        for (String raw : playlist.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#EXT-X-MAP")) {
                Matcher m = MAP_URI.matcher(line);
                if (!m.find()) {
                    continue;
                }
                Optional<Seg> init = latest(sessionId, baseName(m.group(1)));
                if (init.isEmpty()) {
                    break;
                }
                out.add(line.substring(0, m.start(1)) + init.get().address() + line.substring(m.end(1)));
                continue;
            }
            if (line.startsWith("#")) {
                Matcher m = EXTINF.matcher(line);
                if (m.lookingAt()) {
                    duration = Double.parseDouble(m.group(1));
                }
                pending.add(line);
                continue;
            }
            Optional<Seg> seg = latest(sessionId, baseName(line));
            if (seg.isEmpty()) {
                break;
            }
            if (duration != null) {
                jdbc.sql("UPDATE live_segment SET duration_ms = ? WHERE id = ?")
                        .params((int) Math.round(duration * 1000), seg.get().id()).update();
            }
            out.addAll(pending);
            pending.clear();
            out.add(seg.get().address());
            duration = null;
        }
        // Tags after the last segment (#EXT-X-ENDLIST) belong at the end; those before a missing one are dropped.
        pending.stream().filter(t -> !t.startsWith("#EXTINF") && !t.startsWith("#EXT-X-PROGRAM-DATE-TIME")
                && !t.startsWith("#EXT-X-DISCONTINUITY")).forEach(out::add);
        return String.join("\n", out) + "\n";
    }

    private record Seg(long id, String ext) {
        String address() {
            return "seg/" + id + "." + ext;
        }
    }

    private Optional<Seg> latest(long sessionId, String name) {
        return jdbc.sql("SELECT id, extension FROM live_segment WHERE session_id = ? AND name = ? ORDER BY id DESC LIMIT 1")
                .params(sessionId, name).query((rs, i) -> new Seg(rs.getLong(1), rs.getString(2))).optional();
    }

    private static String baseName(String uri) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
