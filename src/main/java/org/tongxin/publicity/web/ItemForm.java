package org.tongxin.publicity.web;

import java.util.List;
import org.tongxin.publicity.internal.Items;

/**
 * The item form as posted: the new-item form and the editor send the same fields. {@code title} is null when a
 * request carried no form (a picture sent by the editor's script, a bare submit), so nothing is saved then.
 */
record ItemForm(String kind, Long unitId, String title, String category, String summary, String body,
                Boolean internal, String externalUrl) {

    /** The categories in the order the chooser offers them. */
    static final List<String> CATEGORIES = List.of("NEWS", "POLICY", "MODELS", "NOTICE", "CULTURE", "SAFETY");

    static ItemForm blank(String kind, Long unitId) {
        return new ItemForm("VIDEO".equals(kind) ? "VIDEO" : "ARTICLE", unitId, "", "NEWS", "", "", false, "");
    }

    static ItemForm of(Items.Item item) {
        return new ItemForm(item.kind(), item.unitId(), item.title(), item.category(), item.summary(), item.bodyHtml(),
                item.internal(), item.externalUrl() == null ? "" : item.externalUrl());
    }

    boolean posted() {
        return title != null;
    }

    String kindOrArticle() {
        return "VIDEO".equals(kind) ? "VIDEO" : "ARTICLE";
    }

    Items.Draft draft(String itemKind, long unit) {
        return new Items.Draft(itemKind, title, summary == null ? "" : summary, body == null ? "" : body, category,
                unit, externalUrl, Boolean.TRUE.equals(internal));
    }

    /** The same form with a picture's figure added at the end of the body (the editor without its script). */
    ItemForm withFigure(String url) {
        return new ItemForm(kind, unitId, title, category, summary, (body == null ? "" : body) + figure(url), internal,
                externalUrl);
    }

    static String figure(String url) {
        return "<figure><img src=\"" + url + "\" alt=\"\"></figure>";
    }
}
