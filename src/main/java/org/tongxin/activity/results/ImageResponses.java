package org.tongxin.activity.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.shared.files.FileStore;

/** What the gallery and honours pages share: photos in, images out. */
final class ImageResponses {

    private ImageResponses() {
    }

    /**
     * An image whose URL always gives the same bytes (photos are never replaced, only added), cached by the
     * browser for a year; private, since each request is checked against the viewer's scope.
     */
    static ResponseEntity<byte[]> immutable(FileStore.Image image) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .body(image.content());
    }

    /**
     * The files chosen. A browser sends one nameless, empty part when none is chosen; that one is dropped,
     * while an empty file the person did choose is kept for the service to refuse.
     */
    static List<byte[]> chosen(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(p -> !(p.isEmpty() && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
                .map(p -> {
                    try {
                        return p.getBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
