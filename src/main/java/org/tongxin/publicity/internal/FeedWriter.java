package org.tongxin.publicity.internal;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * RSS 2.0 and Atom 1.0 documents of published items, written with the JDK's streaming XML writer (which escapes
 * every text and attribute). Characters XML 1.0 cannot carry (control characters pasted into a title) are left
 * out, so a feed reader never chokes on one item and drops the whole feed.
 */
public final class FeedWriter {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** RSS's own author element wants an e-mail address; Dublin Core's creator takes the unit's name. */
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    /** The feed as a whole: its title, where it lives ({@code selfUrl}) and the site it belongs to. */
    public record Feed(String title, String description, String siteUrl, String selfUrl, String language,
                       String author, OffsetDateTime updated) {
    }

    /** One item: its page's absolute URL doubles as its id. */
    public record Entry(String title, String url, String summary, String category, String categoryLabel,
                        String author, OffsetDateTime published, OffsetDateTime updated) {
    }

    private FeedWriter() {
    }

    public static byte[] rss(Feed feed, List<Entry> entries) {
        return write(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM);
            w.writeNamespace("dc", DC);
            w.writeStartElement("channel");
            text(w, "title", feed.title());
            text(w, "link", feed.siteUrl());
            text(w, "description", feed.description());
            text(w, "language", feed.language().toLowerCase());
            text(w, "lastBuildDate", rfc822(feed.updated()));
            w.writeEmptyElement("atom", "link", ATOM);
            w.writeAttribute("href", feed.selfUrl());
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            for (Entry e : entries) {
                w.writeStartElement("item");
                text(w, "title", e.title());
                text(w, "link", e.url());
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "true");
                w.writeCharacters(e.url());
                w.writeEndElement();
                text(w, "description", e.summary());
                text(w, "category", e.categoryLabel());
                w.writeStartElement("dc", "creator", DC);
                w.writeCharacters(clean(e.author()));
                w.writeEndElement();
                text(w, "pubDate", rfc822(e.published()));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    public static byte[] atom(Feed feed, List<Entry> entries) {
        return write(w -> {
            w.setDefaultNamespace(ATOM);
            w.writeStartElement(ATOM, "feed");
            w.writeDefaultNamespace(ATOM);
            w.writeAttribute("xml:lang", feed.language());
            text(w, "id", feed.selfUrl());
            text(w, "title", feed.title());
            text(w, "subtitle", feed.description());
            text(w, "updated", rfc3339(feed.updated()));
            link(w, "self", feed.selfUrl(), "application/atom+xml");
            link(w, "alternate", feed.siteUrl(), "text/html");
            w.writeStartElement("author");
            text(w, "name", feed.author());
            w.writeEndElement();
            for (Entry e : entries) {
                w.writeStartElement("entry");
                text(w, "id", e.url());
                text(w, "title", e.title());
                link(w, "alternate", e.url(), "text/html");
                text(w, "published", rfc3339(e.published()));
                text(w, "updated", rfc3339(e.updated()));
                w.writeStartElement("author");
                text(w, "name", e.author());
                w.writeEndElement();
                w.writeEmptyElement("category");
                w.writeAttribute("term", e.category());
                w.writeAttribute("label", clean(e.categoryLabel()));
                text(w, "summary", e.summary());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("feed", e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    /** The text without the characters XML 1.0 forbids. */
    static String clean(String s) {
        return s == null ? "" : s.replaceAll("[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "");
    }

    private static String rfc822(OffsetDateTime t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String rfc3339(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS));
    }
}
