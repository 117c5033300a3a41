package org.tongxin.publicity.internal;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * What an article body may contain, applied on save: headings, paragraphs, lists, quotes, emphasis, simple tables,
 * links to http(s) and mail addresses (opened in a new tab, without referrer or opener), and pictures and videos
 * served by the platform itself. No scripts, no event handlers, no styles, no frames of any kind, no remote media
 * (a remote picture would tell another server who reads the article).
 */
public final class HtmlPolicy {

    /** The platform's own pictures and videos of publicity items. */
    static final Pattern OWN_MEDIA = Pattern.compile("^/publicity/(pictures/\\d+/(thumb|image)|items/\\d+/(video|poster))$");

    static final PolicyFactory POLICY = builder().toFactory();

    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    private HtmlPolicy() {
    }

    /** The rules as a builder, for a reading policy that adds to them (see {@link ReadingBody}). */
    static HtmlPolicyBuilder builder() {
        return new HtmlPolicyBuilder()
                .allowElements("h2", "h3", "h4", "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "blockquote", "ul",
                        "ol", "li", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td")
                .allowElements("a").allowAttributes("href").onElements("a").allowStandardUrlProtocols()
                .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                .allowAttributes("target").matching(Pattern.compile("^_blank$")).onElements("a")
                .allowElements("img").allowAttributes("src").matching(OWN_MEDIA).onElements("img")
                .allowAttributes("alt").onElements("img")
                .allowAttributes("width", "height").matching(Pattern.compile("^\\d{1,4}$")).onElements("img")
                .allowElements("video").allowAttributes("src", "poster").matching(OWN_MEDIA).onElements("video")
                .allowAttributes("controls", "playsinline", "preload").onElements("video")
                .allowUrlProtocols("https", "http", "mailto");
    }

    /** The body as it may be stored and shown. */
    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /** The body's text without tags, for summaries and search. */
    public static String text(String html) {
        String noTags = TEXT_ONLY.sanitize(html == null ? "" : html.replaceAll("(?i)<(br|/p|/h[2-4]|/li)[^>]*>", "$0 "));
        return HtmlUtils.htmlUnescape(noTags).replaceAll("\\s+", " ").strip();
    }
}
