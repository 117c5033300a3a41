package org.tongxin.live.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;
import org.tongxin.live.internal.Ingest;
import org.tongxin.shared.files.FileStore;

/**
 * Where the presenter's encoder pushes HLS: {@code PUT /live/ingest/{streamKey}/{file}} (ffmpeg's {@code -method PUT};
 * POST is taken too, as some encoders use it). No log-in: the stream key is the credential, so it is the only
 * thing checked, before anything is read or written.
 */
@RestController
class IngestController {

    private final Ingest ingest;

    IngestController(Ingest ingest) {
        this.ingest = ingest;
    }

    @RequestMapping(path = "/live/ingest/{key}/{name:.+}", method = {RequestMethod.PUT, RequestMethod.POST})
    ResponseEntity<Void> put(@PathVariable String key, @PathVariable String name, HttpServletRequest request)
            throws IOException {
        ingest.put(key, name, request.getInputStream());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @DeleteMapping("/live/ingest/{key}/{name:.+}")
    ResponseEntity<Void> delete(@PathVariable String key, @PathVariable String name) {
        ingest.delete(key, name);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(Ingest.KeyRefused.class)
    ResponseEntity<Void> refused() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @ExceptionHandler({Ingest.BadName.class, FileStore.Refused.class})
    ResponseEntity<Void> bad() {
        return ResponseEntity.badRequest().build();
    }
}
