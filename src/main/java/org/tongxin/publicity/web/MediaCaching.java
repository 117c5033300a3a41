package org.tongxin.publicity.web;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.tongxin.publicity.internal.PublicityReading.Access;
import org.tongxin.publicity.internal.PublicityReading.Opened;

/**
 * How long pictures, covers and videos of an item may be kept. Those of a published public item by anyone (a
 * proxy, a CDN) for an hour: they never change once published, and an hour bounds how long a withdrawn item's
 * pictures linger in caches. Those of an internal item only by the reader's own browser; previews not at all.
 */
final class MediaCaching {

    private static final Duration PUBLISHED = Duration.ofHours(1);

    private MediaCaching() {
    }

    static CacheControl of(Opened opened) {
        if (opened.access() != Access.READ) {
            return CacheControl.noStore().cachePrivate();
        }
        return opened.item().internal() ? CacheControl.maxAge(PUBLISHED).cachePrivate()
                : CacheControl.maxAge(PUBLISHED).cachePublic();
    }
}
