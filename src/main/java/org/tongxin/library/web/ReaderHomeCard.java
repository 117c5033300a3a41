package org.tongxin.library.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Holds;
import org.tongxin.library.internal.Loans;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/** On every employee's home tab, "我的借阅": how many books they have, the next due date, holds ready to pick up. */
@Component
class ReaderHomeCard implements HomeSection {

    private final Loans loans;
    private final Holds holds;
    private final Circulation circulation;

    ReaderHomeCard(Loans loans, Holds holds, Circulation circulation) {
        this.loans = loans;
        this.holds = holds;
        this.circulation = circulation;
    }

    @Override
    public Optional<Panel> card(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return Optional.empty();
        }
        List<Loans.Loan> open = loans.openOf(viewer.employeeId());
        Map<String, Object> model = new HashMap<>();
        model.put("loans", open.size());
        // Open loans come soonest due first.
        model.put("nextDue", open.isEmpty() ? null : open.getFirst().dueAt());
        model.put("overdue", open.stream().anyMatch(l -> l.overdueAt(circulation.now())));
        model.put("ready", holds.of(viewer.employeeId()).stream().filter(h -> h.status() == Holds.Status.READY).count());
        return Optional.of(new Panel("library/reader-home", model));
    }

    @Override
    public int order() {
        return 25;
    }
}
