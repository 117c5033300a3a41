package org.tongxin.insight.internal;

import java.util.List;

/** Words on a chart: a message code with arguments (translated when shown), or a text as it is (a unit's name). */
public record Label(String code, String text, List<Object> args) {

    public Label {
        args = List.copyOf(args);
    }

    public static Label of(String code, Object... args) {
        return new Label(code, null, List.of(args));
    }

    public static Label text(String text) {
        return new Label(null, text, List.of());
    }
}
