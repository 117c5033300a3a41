package org.tongxin.shared.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Files people sent (evidence, attachments), served to those allowed to open them. */
public final class FileResponses {

    private FileResponses() {
    }

    /**
     * Shown in the browser, never cached; its type was told from its bytes at upload and the browser is told not to
     * guess another. {@code filename} may be null (a name that could tell who sent it is not kept).
     */
    public static ResponseEntity<byte[]> privateInline(String mediaType, byte[] content, String filename) {
        ContentDisposition.Builder disposition = ContentDisposition.inline();
        if (filename != null) {
            disposition.filename(filename, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(content);
    }
}
