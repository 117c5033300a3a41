package org.tongxin.publicity.web;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityReading.Opened;
import org.tongxin.publicity.internal.Sharing;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.NotFoundException;

/**
 * Pictures, videos and poster frames of items, as their bodies and pages link them. Each request is checked
 * against the item: served only to whom may read or preview it (404 otherwise, so a draft's pictures stay unknown
 * to strangers), cached as {@link MediaCaching} says.
 */
@Controller
class PublicityMediaController {

    private final Sharing sharing;
    private final PublicityMedia media;

    PublicityMediaController(Sharing sharing, PublicityMedia media) {
        this.sharing = sharing;
        this.media = media;
    }

    @GetMapping("/publicity/pictures/{pictureId}/{size:thumb|image}")
    ResponseEntity<byte[]> picture(@PathVariable long pictureId, @PathVariable String size) {
        long itemId = media.itemOfPicture(pictureId).orElseThrow(() -> new NotFoundException("picture " + pictureId));
        Opened opened = allowed(itemId);
        FileStore.Image image = media.picture(pictureId, size.equals("thumb"))
                .orElseThrow(() -> new NotFoundException("picture " + pictureId));
        return image(opened, image);
    }

    /**
     * The video of a video item, from a file resource, so that a Range header gets 206 with that part: phones seek
     * (and start playing before the whole file has come) that way.
     */
    @GetMapping("/publicity/items/{id}/video")
    ResponseEntity<Resource> video(@PathVariable long id) {
        Opened opened = allowed(id);
        FileStore.Media video = media.video(opened.item()).orElseThrow(() -> new NotFoundException("video " + id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(video.mediaType()))
                .header(HttpHeaders.ACCEPT_RANGES, "bytes").cacheControl(MediaCaching.of(opened))
                .body(new FileSystemResource(video.file()));
    }

    /** A video's poster frame. */
    @GetMapping("/publicity/items/{id}/poster")
    ResponseEntity<byte[]> poster(@PathVariable long id) {
        Opened opened = allowed(id);
        return image(opened, media.poster(opened.item()).orElseThrow(() -> new NotFoundException("poster " + id)));
    }

    private Opened allowed(long itemId) {
        Opened opened = sharing.open(CurrentViewer.find().orElse(null), itemId);
        if (!opened.mediaAllowed()) {
            throw new NotFoundException("media of item " + itemId);
        }
        return opened;
    }

    private static ResponseEntity<byte[]> image(Opened opened, FileStore.Image image) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(MediaCaching.of(opened)).body(image.content());
    }
}
