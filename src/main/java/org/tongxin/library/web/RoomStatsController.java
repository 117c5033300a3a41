package org.tongxin.library.web;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.RoomStats;
import org.tongxin.shared.security.CurrentViewer;

/** A reading room's dashboard for its officers: loans per month, most borrowed, idle titles, readers per unit. */
@Controller
class RoomStatsController {

    private static final int TITLES = 20;
    private static final int IDLE = 50;

    private final Circulation circulation;
    private final RoomStats stats;

    RoomStatsController(Circulation circulation, RoomStats stats) {
        this.circulation = circulation;
        this.stats = stats;
    }

    @GetMapping("/library-admin/rooms/{roomId}/stats")
    String show(@PathVariable long roomId, Model model) {
        model.addAttribute("room", circulation.managedRoom(CurrentViewer.get(), roomId));
        OffsetDateTime now = circulation.now();
        List<RoomStats.Month> months = stats.loansPerMonth(roomId, now);
        model.addAttribute("months", months);
        model.addAttribute("monthMax", Math.max(1, months.stream().mapToInt(RoomStats.Month::loans).max().orElse(0)));
        model.addAttribute("monthTotal", months.stream().mapToInt(RoomStats.Month::loans).sum());
        model.addAttribute("top", stats.mostBorrowed(roomId, now, TITLES));
        model.addAttribute("idle", stats.idle(roomId, now, IDLE));
        List<RoomStats.UnitReaders> units = stats.readersByUnit(roomId, now);
        model.addAttribute("units", units);
        model.addAttribute("readers", units.stream().mapToInt(RoomStats.UnitReaders::readers).sum());
        return "library/room-stats";
    }
}
