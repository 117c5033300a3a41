package org.tongxin.publicity.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.publicity.internal.FeedWriter;
import org.tongxin.publicity.internal.Sharing;
import org.tongxin.shared.web.PublicAddress;
import org.tongxin.shared.web.Refusal;

/**
 * RSS 2.0 and Atom 1.0 feeds of the newest public items, of one category and of one unit and the units below it
 * when asked: for feed readers, a subscription account's editors and other sites. Internal items and anything not
 * published never appear. Only public items, so shared caches may keep a feed for a few minutes.
 */
@Controller
class FeedController {

    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final Sharing sharing;
    private final PublicAddress address;
    private final MessageSource messages;

    FeedController(Sharing sharing, PublicAddress address, MessageSource messages) {
        this.sharing = sharing;
        this.address = address;
        this.messages = messages;
    }

    @GetMapping("/feeds/rss")
    ResponseEntity<byte[]> rss(@RequestParam(required = false) String category, @RequestParam(required = false) Long unit,
                               Locale locale) {
        Feed feed = feed("/feeds/rss", category, unit, locale);
        return answer(RSS, FeedWriter.rss(feed.head(), feed.entries()));
    }

    @GetMapping("/feeds/atom")
    ResponseEntity<byte[]> atom(@RequestParam(required = false) String category, @RequestParam(required = false) Long unit,
                                Locale locale) {
        Feed feed = feed("/feeds/atom", category, unit, locale);
        return answer(ATOM, FeedWriter.atom(feed.head(), feed.entries()));
    }

    private record Feed(FeedWriter.Feed head, List<FeedWriter.Entry> entries) {
    }

    private Feed feed(String path, String category, Long unit, Locale locale) {
        String cat = category == null || category.isBlank() ? null : category.strip().toUpperCase(Locale.ROOT);
        if (cat != null && !Sharing.CATEGORIES.contains(cat)) {
            throw new Refusal("badinput.message");
        }
        List<Sharing.Card> cards = sharing.feed(cat, unit);
        String site = messages.getMessage("publicity.page.siteName", null, locale);
        List<String> parts = new ArrayList<>(List.of(site));
        if (unit != null) {
            parts.add(sharing.unitName(unit).orElse(""));
        }
        if (cat != null) {
            parts.add(messages.getMessage("publicity.category." + cat, null, locale));
        }
        UriComponentsBuilder self = UriComponentsBuilder.fromUriString(address.of(path));
        if (cat != null) {
            self.queryParam("category", cat);
        }
        if (unit != null) {
            self.queryParam("unit", unit);
        }
        OffsetDateTime updated = cards.stream().map(c -> c.updated().toOffsetDateTime()).max(OffsetDateTime::compareTo)
                .orElseGet(OffsetDateTime::now);
        FeedWriter.Feed head = new FeedWriter.Feed(String.join(" · ", parts),
                messages.getMessage("publicity.feed.description", null, locale), address.base() + "/",
                self.build().encode().toUriString(), locale.toLanguageTag(), site, updated);
        List<FeedWriter.Entry> entries = cards.stream().map(c -> new FeedWriter.Entry(c.title(), address.of("/p/" + c.id()),
                c.summary(), c.category(), messages.getMessage("publicity.category." + c.category(), null, locale),
                c.unitName(), c.published().toOffsetDateTime(), c.updated().toOffsetDateTime())).toList();
        return new Feed(head, entries);
    }

    private static ResponseEntity<byte[]> answer(MediaType type, byte[] xml) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(xml);
    }
}
