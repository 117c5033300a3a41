package org.tongxin.live.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.live.internal.Attendance;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Playback;
import org.tongxin.live.internal.Sessions;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * HLS for viewers and their heartbeats. The live playlist changes every few seconds and is never cached; a segment
 * never changes under its address, so it is cached for a year (privately unless the session is public). Every
 * request is checked against the session's audience.
 */
@RestController
class PlaybackController {

    static final MediaType M3U8 = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    private static final MediaType TS = MediaType.parseMediaType("video/mp2t");
    private static final MediaType MP4 = MediaType.parseMediaType("video/mp4");
    private static final MediaType M4S = MediaType.parseMediaType("video/iso.segment");

    private final LiveService live;
    private final Playback playback;
    private final Attendance attendance;
    private final MessageSource messages;

    PlaybackController(LiveService live, Playback playback, Attendance attendance, MessageSource messages) {
        this.live = live;
        this.playback = playback;
        this.attendance = attendance;
        this.messages = messages;
    }

    private Sessions.Session watchable(long id) {
        return live.watchable(CurrentViewer.find().orElse(null), id);
    }

    @GetMapping("/live/{id}/hls/live.m3u8")
    ResponseEntity<String> livePlaylist(@PathVariable long id) {
        String playlist = playback.livePlaylist(live.watchableRecently(CurrentViewer.find().orElse(null), id)).orElseThrow(() -> new NotFoundException("live " + id));
        return ResponseEntity.ok().contentType(M3U8).cacheControl(CacheControl.noStore()).body(playlist);
    }

    @GetMapping("/live/{id}/hls/replay.m3u8")
    ResponseEntity<String> replayPlaylist(@PathVariable long id) {
        Sessions.Session s = watchable(id);
        if (!s.replayAvailable(live.now())) {
            throw new NotFoundException("replay " + id);
        }
        String playlist = playback.replayPlaylist(s).orElseThrow(() -> new NotFoundException("replay " + id));
        return ResponseEntity.ok().contentType(M3U8).cacheControl(CacheControl.noCache()).body(playlist);
    }

    @GetMapping("/live/{id}/hls/seg/{segment}.{ext}")
    ResponseEntity<Resource> segment(@PathVariable long id, @PathVariable long segment, @PathVariable String ext) {
        Sessions.Session s = live.watchableRecently(CurrentViewer.find().orElse(null), id);
        Path file = playback.segment(s, segment, ext).orElseThrow(() -> new NotFoundException("segment " + segment));
        CacheControl cache = CacheControl.maxAge(Duration.ofDays(365)).immutable();
        cache = s.audience().equals("PUBLIC") ? cache.cachePublic() : cache.cachePrivate();
        MediaType type = switch (ext) {
            case "ts" -> TS;
            case "m4s" -> M4S;
            default -> MP4;
        };
        return ResponseEntity.ok().contentType(type).cacheControl(cache).body(new FileSystemResource(file));
    }

    /** A player's heartbeat: {@code playedMs} really played (and visible) since its last one. */
    @PostMapping("/live/{id}/heartbeat")
    ResponseEntity<String> heartbeat(@PathVariable long id, @RequestParam(defaultValue = "false") boolean replay,
                                     @RequestParam long playedMs) {
        Viewer viewer = CurrentViewer.find().orElse(null);
        Sessions.Session s = live.watchable(viewer, id);
        long total = attendance.heartbeat(viewer, s, replay, playedMs, live.now());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .body("{\"watchedMs\":" + total + ",\"viewers\":" + playback.recentViewers(id) + "}");
    }

    /** A heartbeat for a session not being shown (it has just ended): the player's script checks the state again. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, String>> refused(Refusal refusal, Locale locale) {
        return ResponseEntity.unprocessableEntity().body(Map.of("error",
                messages.getMessage(refusal.messageKey(), null, refusal.messageKey(), locale)));
    }
}
