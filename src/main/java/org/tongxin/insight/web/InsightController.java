package org.tongxin.insight.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.insight.internal.Dashboards;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Scope;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.Sheets;
import org.tongxin.shared.web.NotFoundException;

/**
 * 数据看板: the dashboard of a node of the tree (the viewer's own by default, any below it chosen from the tree), for
 * a range of months against the period before; the big screen for a meeting room; Excel of exactly what is shown.
 */
@Controller
class InsightController {

    /** What a meeting room reads first: two rows of six figures and two rows of four charts, in this order. */
    private static final List<String> SCREEN_ORDER = List.of("membership", "applications", "activity", "training",
            "library", "publicity", "voice", "rights", "volunteer", "live", "benefits", "care", "aid", "evaluation");
    private static final int SCREEN_FIGURES = 12;
    private static final int SCREEN_CHARTS = 8;

    private final Dashboards dashboards;
    private final Rebuild rebuild;
    private final AuditTrail audit;
    private final MessageSource messages;

    InsightController(Dashboards dashboards, Rebuild rebuild, AuditTrail audit, MessageSource messages) {
        this.dashboards = dashboards;
        this.rebuild = rebuild;
        this.audit = audit;
        this.messages = messages;
    }

    /** A range the reader asked for, or the last twelve months; whether what they asked for made sense. */
    private record Range(YearMonth from, YearMonth to, boolean refused) {
    }

    private Range range(String from, String to) {
        YearMonth now = dashboards.thisMonth();
        Range standard = new Range(now.minusMonths(11), now, false);
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return standard;
        }
        try {
            YearMonth end = to == null || to.isBlank() ? now : YearMonth.parse(to.strip());
            YearMonth start = from == null || from.isBlank() ? end.minusMonths(11) : YearMonth.parse(from.strip());
            if (start.isAfter(end) || end.isAfter(now) || start.plusMonths(Dashboards.MAX_MONTHS - 1).isBefore(end)
                    || start.getYear() < 2000) {
                return new Range(standard.from(), standard.to(), true);
            }
            return new Range(start, end, false);
        } catch (DateTimeParseException e) {
            return new Range(standard.from(), standard.to(), true);
        }
    }

    private Scope scope(Viewer viewer, Long unit, Range range) {
        return dashboards.scope(viewer, dashboards.node(viewer, unit), range.from(), range.to());
    }

    @GetMapping("/insight")
    String dashboard(@RequestParam(required = false) Long unit, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(required = false) String q,
                     Locale locale, Model model) {
        Viewer viewer = CurrentViewer.get();
        Range range = range(from, to);
        Scope scope = scope(viewer, unit, range);
        model.addAttribute("scope", scope);
        model.addAttribute("node", scope.node());
        model.addAttribute("trail", dashboards.trail(viewer, scope.node()));
        model.addAttribute("board", Board.of(dashboards.build(scope), messages, locale));
        model.addAttribute("rangeRefused", range.refused());
        model.addAttribute("thisMonth", dashboards.thisMonth());
        model.addAttribute("q", q);
        model.addAttribute("rebuiltAt", rebuild.lastFinished());
        if (q != null && !q.isBlank()) {
            model.addAttribute("found", dashboards.search(viewer, q.strip()));
        }
        return "insight/dashboard";
    }

    @GetMapping("/insight/screen")
    String screen(@RequestParam(required = false) Long unit, Locale locale, Model model) {
        Viewer viewer = CurrentViewer.get();
        Scope scope = scope(viewer, unit, range(null, null));
        model.addAttribute("scope", scope);
        model.addAttribute("node", scope.node());
        Board board = Board.of(dashboards.build(scope), messages, locale);
        List<Board.SectionView> sections = board.sections().stream()
                .sorted(Comparator.comparingInt(v -> SCREEN_ORDER.indexOf(v.key()) < 0 ? SCREEN_ORDER.size()
                        : SCREEN_ORDER.indexOf(v.key())))
                .toList();
        model.addAttribute("kpis", sections.stream().filter(v -> !v.kpis().isEmpty()).map(v -> v.kpis().getFirst())
                .limit(SCREEN_FIGURES).toList());
        model.addAttribute("charts", sections.stream().filter(v -> !v.charts().isEmpty())
                .map(v -> v.charts().getFirst()).limit(SCREEN_CHARTS).toList());
        return "insight/screen";
    }

    @GetMapping("/insight/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long unit, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, Locale locale) {
        Viewer viewer = CurrentViewer.get();
        Range range = range(from, to);
        Scope scope = scope(viewer, unit, range);
        Board board = Board.of(dashboards.build(scope), messages, locale);
        OrgUnit node = scope.node();
        audit.record(viewer, "insight.export", "unit", node.id(), node.id(), node.name() + " " + range.from() + "–"
                + range.to(), null, null);
        List<Sheets.Table> sheets = board.sheets(messages.getMessage("insight.withheld", null, locale),
                messages.getMessage("insight.previous", null, locale),
                messages.getMessage("insight.current", null, locale));
        return Sheets.download("insight-" + node.id() + "-" + range.from() + "-" + range.to() + ".xlsx", sheets);
    }

    /** Counts the read model again from every module's history (after a fix, or a new deployment): admins only. */
    @PostMapping("/insight/rebuild")
    String rebuild(RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        if (!viewer.has(Role.ADMIN)) {
            throw new NotFoundException("insight rebuild");
        }
        audit.record(viewer, "insight.rebuild", "insight", null, null, "rebuild", null, Map.of());
        Thread.ofVirtual().name("insight-rebuild").start(rebuild::run);
        redirect.addFlashAttribute("flash", "insight.rebuild.started");
        return "redirect:/insight";
    }
}
