package org.tongxin.publicity.internal;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.publicity.internal.PublicityReading.Access;
import org.tongxin.publicity.internal.PublicityReading.Opened;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;

/**
 * The readers' side of publicity: the share page of an item (opened as {@link PublicityReading} allows, the read
 * counted), shares pressed on it, its QR poster, the feeds of public items, and the news list of everyone logged in.
 */
@Service
public class Sharing {

    /** The categories in the order filters show them: the six {@link PublicityService} accepts. */
    public static final List<String> CATEGORIES = List.of("NEWS", "POLICY", "MODELS", "NOTICE", "CULTURE", "SAFETY");
    /** Channels a share button reports; POSTER is counted by the poster's download itself. */
    public static final Set<String> CHANNELS = Set.of("WECHAT", "QQ", "LINK");
    public static final int FEED_SIZE = 20;

    /** An item as lists, cards and feeds show it, its moment of publishing in the platform's time zone. */
    public record Card(long id, String kind, String title, String summary, String category, boolean internal,
                       boolean hasCover, Integer videoSeconds, String unitName, ZonedDateTime published,
                       ZonedDateTime updated) {
    }

    /** What the share page shows; {@code body} is the sanitised body prepared for reading. */
    public record SharePage(Items.Item item, Access access, Card card, long readers, String body) {

        public boolean preview() {
            return access == Access.PREVIEW;
        }
    }

    private final PublicityReading reading;
    private final Readership readership;
    private final PublicityMedia media;
    private final PublicityService publicity;
    private final Items items;
    private final OrgDirectory org;
    private final SharePoster poster;

    Sharing(PublicityReading reading, Readership readership, PublicityMedia media, PublicityService publicity,
            Items items, OrgDirectory org, SharePoster poster) {
        this.reading = reading;
        this.readership = readership;
        this.media = media;
        this.publicity = publicity;
        this.items = items;
        this.org = org;
        this.poster = poster;
    }

    /** The item as {@code viewer} (null: not logged in) may see it; 404 when they may not know of it. */
    public Opened open(Viewer viewer, long id) {
        return reading.open(viewer, id);
    }

    /**
     * The share page of an item that may be read or previewed, counting the read when it is a reading: by the
     * employee when the viewer is one, else by {@code cookieReader}.
     */
    public SharePage page(Opened opened, Viewer viewer, String cookieReader) {
        if (!opened.mediaAllowed()) {
            throw new IllegalArgumentException("no page for " + opened.access());
        }
        Items.Item item = opened.item();
        reading.countRead(opened, viewer, cookieReader);
        Map<Long, PublicityMedia.Picture> pictures = media.pictures(item.id()).stream()
                .collect(Collectors.toMap(PublicityMedia.Picture::id, Function.identity()));
        return new SharePage(item, opened.access(), cards(List.of(item)).getFirst(),
                readership.figures(item.id()).readers(), ReadingBody.render(item.bodyHtml(), pictures));
    }

    /** Counts a share pressed on the page of a published item (not on previews). */
    public void shared(Opened opened, String channel) {
        if (!CHANNELS.contains(channel) && !channel.equals("POSTER")) {
            throw new IllegalArgumentException("channel " + channel);
        }
        if (opened.access() == Access.READ) {
            readership.shared(opened.item().id(), channel, publicity.now().toLocalDate());
        }
    }

    /** The QR poster of an item that may be read or previewed; a reader's download counts as a POSTER share. */
    public byte[] poster(Opened opened, SharePoster.Text text) {
        if (!opened.mediaAllowed()) {
            throw new NotFoundException("poster of item " + opened.item().id());
        }
        byte[] png = poster.render(text, media.cover(opened.item()));
        shared(opened, "POSTER");
        return png;
    }

    public Optional<FileStore.Image> cover(Opened opened, boolean thumb) {
        if (!opened.mediaAllowed()) {
            return Optional.empty();
        }
        return thumb ? media.coverThumb(opened.item()) : media.cover(opened.item());
    }

    /**
     * The newest public items for a feed, of one category and of one unit's subtree when given; 404 for a unit
     * that does not exist.
     */
    public List<Card> feed(String category, Long unitId) {
        List<Long> units = null;
        if (unitId != null) {
            OrgUnit unit = org.unit(unitId).orElseThrow(() -> new NotFoundException("unit " + unitId));
            units = org.subtreeCounts(unit).stream().map(UnitCount::unit).map(OrgUnit::id).toList();
        }
        return cards(items.published(category, units, false, 0, FEED_SIZE));
    }

    /** Published items, internal ones too, newest first: the news list of people logged in. */
    public Page<Card> news(String category, int page, int size) {
        List<Items.Item> rows = items.published(category, null, true, page * size, size);
        return new Page<>(cards(rows), page, size, items.countPublished(category, null, true));
    }

    public Optional<String> unitName(long unitId) {
        return org.unit(unitId).map(OrgUnit::name);
    }

    private List<Card> cards(List<Items.Item> rows) {
        Map<Long, String> names = new HashMap<>();
        ZoneId zone = ZoneId.systemDefault();
        return rows.stream().map(i -> new Card(i.id(), i.kind(), i.title(), i.summary(), i.category(), i.internal(),
                i.coverKey() != null || i.posterKey() != null, i.videoSeconds(),
                names.computeIfAbsent(i.unitId(), u -> unitName(u).orElse("")),
                i.publishedAt() == null ? null : i.publishedAt().atZoneSameInstant(zone),
                i.updatedAt().atZoneSameInstant(zone))).toList();
    }
}
