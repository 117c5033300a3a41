package org.tongxin.publicity.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.publicity.internal.Sharing;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/** On the home tab: the three newest published items, and the way to all news. */
@Component
class NewsHomeCard implements HomeSection {

    static final int NEWEST = 3;

    private final Sharing sharing;

    NewsHomeCard(Sharing sharing) {
        this.sharing = sharing;
    }

    @Override
    public Optional<Panel> card(Viewer viewer) {
        List<Sharing.Card> newest = sharing.news(null, 0, NEWEST).items();
        return newest.isEmpty() ? Optional.empty() : Optional.of(new Panel("publicity/panel", Map.of("newest", newest)));
    }

    @Override
    public int order() {
        return 15;
    }
}
