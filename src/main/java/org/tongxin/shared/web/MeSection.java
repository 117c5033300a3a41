package org.tongxin.shared.web;

import java.util.Optional;
import org.tongxin.shared.security.Viewer;

/**
 * A card a module puts on the "我的" (me) tab, e.g. the points balance. The me page renders the {@link Panel}, in
 * {@link #order()}, below the person's own details.
 */
public interface MeSection {

    Optional<Panel> card(Viewer viewer);

    default int order() {
        return 100;
    }
}
