package org.tongxin.library.web;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Holds;
import org.tongxin.library.internal.Loans;
import org.tongxin.library.internal.ReadingRecommendations;
import org.tongxin.library.internal.ReadingRecords;
import org.tongxin.library.internal.Rooms;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;

/**
 * "My library" (我的借阅): the reader's loans with renewals, holds, history, reading record per year and what to
 * read next. Shown to the reader alone: nothing here takes an id of another person.
 */
@Controller
class ReaderLibraryController {

    /** Latest returned loans shown. */
    static final int HISTORY = 50;
    private static final int PICKS = 6;

    private final Loans loans;
    private final Holds holds;
    private final Rooms rooms;
    private final Circulation circulation;
    private final ReadingRecords records;
    private final ReadingRecommendations recommendations;

    ReaderLibraryController(Loans loans, Holds holds, Rooms rooms, Circulation circulation, ReadingRecords records,
                            ReadingRecommendations recommendations) {
        this.loans = loans;
        this.holds = holds;
        this.rooms = rooms;
        this.circulation = circulation;
        this.records = records;
        this.recommendations = recommendations;
    }

    @GetMapping("/library/me")
    String mine(Locale locale, Model model) {
        Long me = CurrentViewer.get().employeeId();
        OffsetDateTime now = circulation.now();
        Map<Long, Room> roomsById = new LinkedHashMap<>();
        rooms.all().forEach(r -> roomsById.put(r.id(), r));
        model.addAttribute("now", now);
        model.addAttribute("roomsById", roomsById);
        model.addAttribute("employee", me != null);
        model.addAttribute("zh", "zh".equals(locale.getLanguage()));
        if (me == null) {
            model.addAttribute("loans", List.of());
            model.addAttribute("holds", List.of());
            model.addAttribute("history", List.of());
            model.addAttribute("years", List.of());
            model.addAttribute("popular", List.of());
            model.addAttribute("forYou", List.of());
        } else {
            model.addAttribute("loans", loans.openOf(me));
            model.addAttribute("holds", holds.of(me).stream().filter(h -> h.status().open()).toList());
            model.addAttribute("history", loans.historyOf(me, HISTORY));
            model.addAttribute("years", records.years(me));
            model.addAttribute("unit", recommendations.unitOf(me).map(OrgUnit::name).orElse(null));
            model.addAttribute("popular", recommendations.popularInUnit(me, now, PICKS));
            model.addAttribute("forYou", recommendations.forReader(me, PICKS));
        }
        model.addAttribute("newArrivals", recommendations.newArrivals(PICKS));
        return "library/reader-me";
    }

    @PostMapping("/library/loans/{loanId}/renew")
    String renew(@PathVariable long loanId, RedirectAttributes redirect) {
        return ReaderPages.flash(redirect, "library.reader.renewed", "/library/me", "/library/me", () -> {
            OffsetDateTime due = circulation.renew(CurrentViewer.get(), loanId);
            return new Object[]{loans.find(loanId).orElseThrow().title(), ReaderPages.day(due)};
        });
    }
}
