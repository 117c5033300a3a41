package org.tongxin.shared.web;

import java.util.Map;
import java.util.Optional;
import org.tongxin.shared.security.Viewer;

/**
 * A card a module puts on the home tab, e.g. "申请入会" for employees who are not members yet. The home
 * page renders {@code template :: card} with the card's model, in {@link #order()}.
 */
public interface HomeSection {

    /** What the card shows. */
    record Card(String template, Map<String, Object> model) {
    }

    Optional<Card> card(Viewer viewer);

    default int order() {
        return 100;
    }
}
