package org.tongxin.library.web;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/** On every employee's home tab: a search box into the reading rooms' catalogue and a way to the new arrivals. */
@Component
class LibraryHomeCard implements HomeSection {

    @Override
    public Optional<Panel> card(Viewer viewer) {
        return viewer.employeeId() == null ? Optional.empty() : Optional.of(new Panel("library/home", Map.of()));
    }

    @Override
    public int order() {
        return 25;
    }
}
