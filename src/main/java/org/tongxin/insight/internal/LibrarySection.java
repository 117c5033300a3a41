package org.tongxin.insight.internal;

import static org.tongxin.insight.internal.Section.n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tongxin.insight.internal.Section.Chart;
import org.tongxin.insight.internal.Section.Format;
import org.tongxin.insight.internal.Section.Series;
import org.tongxin.insight.internal.Section.Type;
import org.tongxin.library.LibraryDirectory;
import org.tongxin.org.OrgUnit;

/**
 * Lending: loans and readers with the trend, loans per reader and per room, books out, each sub-unit's as bars, the
 * rooms lending most and the most borrowed titles. A loan counts in the subtree of the unit running its room in the
 * month it was borrowed; a reader counts once per room they borrowed from in the range.
 */
@Component
class LibrarySection implements InsightSection {

    static final int TOP_ROOMS = 15;
    static final int TOP_TITLES = 10;

    private final Figures figures;
    private final LibraryFigures ranks;
    private final LibraryDirectory library;

    LibrarySection(Figures figures, LibraryFigures ranks, LibraryDirectory library) {
        this.figures = figures;
        this.ranks = ranks;
        this.library = library;
    }

    @Override
    public String key() {
        return "library";
    }

    @Override
    public int order() {
        return 40;
    }

    /**
     * The readers who borrowed in the subtree from {@code from} to {@code to}, once per room: the loans that were
     * their reader's first from that room in the range (see {@link LibraryKinds#LOAN}).
     */
    static long readers(Rollup r, long unit, YearMonth from, YearMonth to) {
        long readers = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            long sinceStart = ChronoUnit.MONTHS.between(from, m);
            for (Map.Entry<String, Rollup.Totals> e : r.flowByCategory(LibraryKinds.LOAN, unit, m, m).entrySet()) {
                if (e.getKey().isEmpty() || Long.parseLong(e.getKey()) > sinceStart) {
                    readers += e.getValue().started();
                }
            }
        }
        return readers;
    }

    static long loans(Rollup r, long unit, YearMonth from, YearMonth to) {
        return r.flow(LibraryKinds.LOAN, null, unit, from, to).started();
    }

    /** {@code part ÷ whole} with one decimal; null without a whole. */
    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    @Override
    public Section build(Scope scope) {
        Rollup r = figures.rollup(List.of(LibraryKinds.LOAN), scope.units(), scope.to());
        long node = scope.node().id();
        long loans = loans(r, node, scope.from(), scope.to());
        long loansBefore = loans(r, node, scope.previousFrom(), scope.previousTo());
        long readers = readers(r, node, scope.from(), scope.to());
        long readersBefore = readers(r, node, scope.previousFrom(), scope.previousTo());
        List<LibraryFigures.Ranked> rooms = ranks.rooms(node, scope.from(), scope.to());
        int roomsBefore = ranks.rooms(node, scope.previousFrom(), scope.previousTo()).size();

        List<BigDecimal> monthLoans = new ArrayList<>();
        List<BigDecimal> monthReaders = new ArrayList<>();
        for (YearMonth m : scope.months()) {
            monthLoans.add(n(loans(r, node, m, m)));
            monthReaders.add(n(readers(r, node, m, m)));
        }
        List<BigDecimal> childLoans = new ArrayList<>();
        List<BigDecimal> childReaders = new ArrayList<>();
        for (OrgUnit c : scope.children()) {
            childLoans.add(n(loans(r, c.id(), scope.from(), scope.to())));
            childReaders.add(n(readers(r, c.id(), scope.from(), scope.to())));
        }

        List<Section.Kpi> kpis = List.of(
                Section.kpi("loans", Label.of("insight.library.loans"), Format.COUNT, n(loans), n(loansBefore)),
                Section.kpi("readers", Label.of("insight.library.readers"), Format.COUNT, n(readers),
                        n(readersBefore)),
                Section.kpi("perReader", Label.of("insight.library.perReader"), Format.SCORE, ratio(loans, readers),
                        ratio(loansBefore, readersBefore)),
                Section.kpi("perRoom", Label.of("insight.library.perRoom"), Format.SCORE, ratio(loans, rooms.size()),
                        ratio(loansBefore, roomsBefore)),
                Section.kpi("out", Label.of("insight.library.out"), Format.COUNT,
                        n(r.level(LibraryKinds.LOAN, null, node, scope.to())),
                        n(r.level(LibraryKinds.LOAN, null, node, scope.previousTo()))));

        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("library-trend", Label.of("insight.library.trend"), Type.LINE, scope.monthLabels(),
                List.of(new Series(Label.of("insight.library.loans"), monthLoans, Format.COUNT),
                        new Series(Label.of("insight.library.readers"), monthReaders, Format.COUNT))));
        if (!scope.children().isEmpty()) {
            charts.add(new Chart("library-children", Label.of("insight.library.byUnit"), Type.HBAR,
                    scope.childLabels(),
                    List.of(new Series(Label.of("insight.library.loans"), childLoans, Format.COUNT),
                            new Series(Label.of("insight.library.readers"), childReaders, Format.COUNT))));
        }
        List<LibraryFigures.Ranked> topRooms = rooms.subList(0, Math.min(TOP_ROOMS, rooms.size()));
        charts.add(ranking("library-rooms", "insight.library.rooms", topRooms,
                library.roomNames(topRooms.stream().map(LibraryFigures.Ranked::id).toList())));
        List<LibraryFigures.Ranked> titles = ranks.topTitles(node, scope.from(), scope.to(), TOP_TITLES);
        charts.add(ranking("library-titles", "insight.library.titles", titles,
                library.titleNames(titles.stream().map(LibraryFigures.Ranked::id).toList())));
        return new Section(key(), Label.of("insight.library.title"), kpis, charts);
    }

    /** Rooms or titles as bars, most loans first, named (a name gone since shows its number). */
    private static Chart ranking(String id, String title, List<LibraryFigures.Ranked> ranked, Map<Long, String> names) {
        return new Chart(id, Label.of(title), Type.HBAR,
                ranked.stream().map(x -> Label.text(names.getOrDefault(x.id(), "#" + x.id()))).toList(),
                List.of(new Series(Label.of("insight.library.loans"),
                        ranked.stream().map(x -> n(x.loans())).toList(), Format.COUNT)));
    }
}
