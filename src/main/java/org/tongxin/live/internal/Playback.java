package org.tongxin.live.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.shared.files.FileStore;

/**
 * What viewers fetch: the live playlist as last pushed (addresses rewritten to ours), the replay playlist made of
 * every segment once the session has ended, and the segments themselves.
 */
@Service
public class Playback {

    static final long PLAYLIST_TTL_MS = 1_000;

    private final JdbcClient jdbc;
    private final FileStore files;
    private final Map<Long, Recent> playlists = new ConcurrentHashMap<>();

    Playback(JdbcClient jdbc, FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /**
     * The live playlist as last written by the ingest, read at most once every {@value #PLAYLIST_TTL_MS} ms per
     * session on this node: a thousand players asking every two seconds then cost the database a few reads a second,
     * and a player a second behind the encoder is well within HLS's three target durations.
     */
    public Optional<String> livePlaylist(Sessions.Session s) {
        if (!s.state().equals("LIVE")) {
            return Optional.empty();
        }
        long nowMs = System.currentTimeMillis();
        Recent recent = playlists.get(s.id());
        String text;
        if (recent != null && nowMs - recent.readAtMs() < PLAYLIST_TTL_MS) {
            text = recent.text();
        } else {
            text = jdbc.sql("SELECT live_playlist FROM live_session WHERE id = ?").param(s.id()).query(String.class)
                    .optional().orElse(null);
            if (playlists.size() > 1_000) {
                playlists.clear();
            }
            playlists.put(s.id(), new Recent(text, nowMs));
        }
        return Optional.ofNullable(text).filter(p -> p.contains("#EXTINF"));
    }

    private record Recent(String text, long readAtMs) {
    }

    private record Piece(long id, String ext, Integer durationMs) {
    }

    /** Every segment in the order received, as an on-demand playlist (empty when there are none). */
    public Optional<String> replayPlaylist(Sessions.Session s) {
        List<Piece> pieces = jdbc.sql("""
                        SELECT id, extension, duration_ms FROM live_segment WHERE session_id = ? ORDER BY id""")
                .param(s.id()).query((rs, i) -> new Piece(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class)))
                .list();
        // A segment no playlist listed (the encoder stopped first) is given the usual length.
        int usual = (int) pieces.stream().filter(p -> p.durationMs() != null).mapToInt(Piece::durationMs).average()
                .orElse(2000);
        List<Piece> media = pieces.stream().filter(p -> !(p.ext().equals("mp4") && p.durationMs() == null))
                .map(p -> p.durationMs() != null ? p : new Piece(p.id(), p.ext(), usual)).toList();
        if (media.isEmpty()) {
            return Optional.empty();
        }
        int target = (int) Math.ceil(media.stream().mapToInt(Piece::durationMs).max().orElse(1000) / 1000.0);
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:").append(pieces.stream()
                        .anyMatch(p -> p.ext().equals("m4s")) ? 7 : 3)
                .append("\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-TARGETDURATION:").append(target)
                .append("\n#EXT-X-MEDIA-SEQUENCE:0\n");
        // fMP4: the newest initialisation section received before the first media segment.
        pieces.stream().filter(p -> p.durationMs() == null && p.ext().equals("mp4")).reduce((a, b) -> b)
                .ifPresent(init -> out.append("#EXT-X-MAP:URI=\"seg/").append(init.id()).append(".mp4\"\n"));
        for (Piece p : media) {
            out.append(String.format(Locale.ROOT, "#EXTINF:%.3f,\nseg/%d.%s\n", p.durationMs() / 1000.0, p.id(), p.ext()));
        }
        return Optional.of(out.append("#EXT-X-ENDLIST\n").toString());
    }

    /** A segment's file, when it belongs to the session. */
    public Optional<Path> segment(Sessions.Session s, long segmentId, String ext) {
        if (!Ingest.SEGMENT.matcher("x." + ext).matches()) {
            return Optional.empty();
        }
        return files.piece(Ingest.pieceKey(s.id(), segmentId, ext));
    }

    /** How many people watched in the last minute: a live viewer count without keeping connections. */
    public long recentViewers(long sessionId) {
        return jdbc.sql("""
                        SELECT count(*) FROM live_watch WHERE session_id = ? AND mode = 'LIVE'
                          AND last_credit_at > now() - interval '1 minute'""")
                .param(sessionId).query(Long.class).single();
    }
}
