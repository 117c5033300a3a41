package org.tongxin.shared.web;

import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.web.Uploads;

/** What pages with uploaded pictures share: photos in, images out. */
public final class ImageResponses {

    private ImageResponses() {
    }

    /**
     * An image whose URL always gives the same bytes (photos are never replaced, only added), cached by the
     * browser for a year; private, since each request is checked against the viewer's scope.
     */
    public static ResponseEntity<byte[]> immutable(FileStore.Image image) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .body(image.content());
    }

    /** The files chosen (see {@link Uploads#chosen}), read. */
    public static List<byte[]> chosen(List<MultipartFile> parts) {
        return Uploads.chosen(parts).stream().map(Uploads::bytes).toList();
    }
}
