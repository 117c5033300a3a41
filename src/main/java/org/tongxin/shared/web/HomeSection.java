package org.tongxin.shared.web;

import java.util.Optional;
import org.tongxin.shared.security.Viewer;

/**
 * A card a module puts on the home tab, e.g. "申请入会" for employees who are not members yet. The home
 * page renders the {@link Panel}, in {@link #order()}.
 */
public interface HomeSection {

    Optional<Panel> card(Viewer viewer);

    default int order() {
        return 100;
    }
}
