package org.tongxin.live.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.live.internal.Ingest;

/**
 * nginx-rtmp's {@code on_publish} callback, for encoders that speak RTMP (OBS's default output): nginx asks before
 * it takes a stream, with the stream name (the stream key) in {@code name}; 2xx lets it through, anything else
 * makes nginx drop the connection. nginx then re-pushes the stream to {@code /live/ingest/{key}/} as HLS (see
 * docs/live.md), where the key is checked again. No log-in and no CSRF token (nginx has neither); only callers from
 * {@code tongxin.live.rtmp-callback-from} (comma-separated addresses, blank: anyone) are answered, so the
 * address is no oracle for guessing keys from outside.
 */
@RestController
class RtmpController {

    private static final Logger log = LoggerFactory.getLogger(RtmpController.class);

    private final Ingest ingest;
    private final Set<String> allowedCallers;

    RtmpController(Ingest ingest,
                   @Value("${tongxin.live.rtmp-callback-from:127.0.0.1,::1,0:0:0:0:0:0:0:1}") String callers) {
        this.ingest = ingest;
        this.allowedCallers = Arrays.stream(callers.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @PostMapping("/live/rtmp/on-publish")
    ResponseEntity<Void> onPublish(@RequestParam(defaultValue = "") String name,
                                   @RequestParam(defaultValue = "") String app,
                                   @RequestParam(defaultValue = "") String addr, HttpServletRequest request) {
        String caller = request.getRemoteAddr();
        if (!allowedCallers.isEmpty() && !allowedCallers.contains(caller)) {
            log.warn("RTMP publish callback from {} refused: not in tongxin.live.rtmp-callback-from", caller);
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        if (!ingest.accepts(name)) {
            log.warn("RTMP publish to application '{}' from {} refused: no scheduled or live session has that key",
                    app, addr);
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.noContent().build();
    }
}
