package org.tongxin.publicity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.simple.AbstractSimpleMarkupHandler;
import org.attoparser.simple.SimpleMarkupParser;

/** A page parsed as a browser would (with Thymeleaf's own HTML parser): its elements, attributes and texts. */
final class HtmlDoc {

    /** An element with its attributes and all the text inside it. */
    record Element(String name, Map<String, String> attrs, StringBuilder inner) {

        String attr(String name) {
            return attrs.get(name);
        }

        String text() {
            return inner.toString().strip();
        }
    }

    final List<Element> elements = new ArrayList<>();

    static HtmlDoc parse(String html) {
        HtmlDoc doc = new HtmlDoc();
        Deque<Element> open = new ArrayDeque<>();
        try {
            new SimpleMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html, new AbstractSimpleMarkupHandler() {
                @Override
                public void handleStandaloneElement(String name, Map<String, String> attrs, boolean minimized, int line,
                                                    int col) {
                    doc.elements.add(new Element(name.toLowerCase(), attrs == null ? Map.of()
                            : new LinkedHashMap<>(attrs), new StringBuilder()));
                }

                @Override
                public void handleOpenElement(String name, Map<String, String> attrs, int line, int col) {
                    Element e = new Element(name.toLowerCase(), attrs == null ? Map.of() : new LinkedHashMap<>(attrs),
                            new StringBuilder());
                    doc.elements.add(e);
                    open.push(e);
                }

                @Override
                public void handleAutoOpenElement(String name, Map<String, String> attrs, int line, int col) {
                    handleOpenElement(name, attrs, line, col);
                }

                @Override
                public void handleCloseElement(String name, int line, int col) {
                    String closed = name.toLowerCase();
                    if (open.stream().anyMatch(e -> e.name().equals(closed))) {
                        Element top;
                        do {
                            top = open.pop();
                        } while (!top.name().equals(closed));
                    }
                }

                @Override
                public void handleAutoCloseElement(String name, int line, int col) {
                    handleCloseElement(name, line, col);
                }

                @Override
                public void handleText(char[] buffer, int offset, int len, int line, int col) {
                    for (Element e : open) {
                        e.inner().append(buffer, offset, len);
                    }
                }
            });
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return doc;
    }

    Optional<Element> byId(String id) {
        return elements.stream().filter(e -> id.equals(e.attr("id"))).findFirst();
    }

    Element id(String id) {
        return byId(id).orElseThrow(() -> new AssertionError("no #" + id));
    }

    List<Element> all(String name) {
        return elements.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** The content of the {@code <meta>} whose {@code attr} (property, name, itemprop) is {@code value}. */
    Optional<String> meta(String attr, String value) {
        return all("meta").stream().filter(e -> value.equals(e.attr(attr))).map(e -> e.attr("content")).findFirst();
    }
}
