package org.tongxin.publicity.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.ElementPolicy;
import org.owasp.html.PolicyFactory;

/**
 * An item's body as a reader's page shows it. It was sanitised when saved; it is sanitised again on the way out
 * (a few milliseconds for the longest article), so that a row changed behind the application's back still cannot
 * carry a script into a page anyone may open. On the way, pictures are told to load lazily, with their width and
 * height so the text does not jump while they arrive on a slow connection, and videos to play inline and fetch no
 * more than their first frame until played.
 */
final class ReadingBody {

    private static final Pattern PICTURE = Pattern.compile("^/publicity/pictures/(\\d+)/(thumb|image)$");

    private ReadingBody() {
    }

    /** The body, with the sizes of the item's pictures (by picture id) for their width and height. */
    static String render(String html, Map<Long, PublicityMedia.Picture> pictures) {
        ElementPolicy images = (name, attrs) -> {
            String src = value(attrs, "src");
            if (src == null) {
                return null;
            }
            Matcher m = PICTURE.matcher(src);
            PublicityMedia.Picture p = m.matches() ? pictures.get(Long.parseLong(m.group(1))) : null;
            if (p != null && value(attrs, "width") == null && value(attrs, "height") == null && p.width() > 0) {
                int width = m.group(2).equals("thumb") ? Math.min(p.width(), 320) : p.width();
                attrs.addAll(List.of("width", String.valueOf(width), "height",
                        String.valueOf(Math.round((double) p.height() * width / p.width()))));
            }
            attrs.addAll(List.of("loading", "lazy", "decoding", "async"));
            return name;
        };
        ElementPolicy videos = (name, attrs) -> {
            if (value(attrs, "controls") == null) {
                attrs.addAll(List.of("controls", "controls"));
            }
            if (value(attrs, "playsinline") == null) {
                attrs.addAll(List.of("playsinline", "playsinline"));
            }
            if (value(attrs, "preload") == null) {
                attrs.addAll(List.of("preload", "metadata"));
            }
            return name;
        };
        PolicyFactory reading = HtmlPolicy.builder().allowElements(images, "img").allowElements(videos, "video")
                .toFactory();
        return html == null ? "" : reading.sanitize(html);
    }

    private static String value(List<String> attrs, String name) {
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if (attrs.get(i).equals(name)) {
                return attrs.get(i + 1);
            }
        }
        return null;
    }
}
