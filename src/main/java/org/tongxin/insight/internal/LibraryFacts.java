package org.tongxin.insight.internal;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.library.LibraryHistory;
import org.tongxin.library.LibraryLoan;

/**
 * A loan as three facts in the unit running its room: the LOAN (out until it is returned), and a point by room and
 * one by title on the day it was borrowed.
 */
@Component
class LibraryFacts implements Source {

    private final Facts facts;
    private final LibraryHistory history;

    LibraryFacts(Facts facts, LibraryHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replayLoans(this::apply);
    }

    @ApplicationModuleListener
    void on(LibraryLoan l) {
        apply(l);
    }

    void apply(LibraryLoan l) {
        facts.replace(record(l), l.version(), factsOf(l));
    }

    private static String record(LibraryLoan l) {
        return "loan:" + l.loanId();
    }

    private static List<Fact> factsOf(LibraryLoan l) {
        String id = Long.toString(l.loanId());
        return List.of(
                new Fact(LibraryKinds.LOAN, id, l.unitId(), null, sincePrevious(l), l.borrowedOn(), l.returnedOn(),
                        l.dueOn(), null, null),
                Fact.point(LibraryKinds.LOAN_ROOM, id, l.unitId(), null, Long.toString(l.roomId()), l.borrowedOn(),
                        null),
                Fact.point(LibraryKinds.LOAN_TITLE, id, l.unitId(), null, Long.toString(l.titleId()), l.borrowedOn(),
                        null));
    }

    /** The LOAN's category: whole months since the reader's previous loan from the room, "" for none that recent. */
    private static String sincePrevious(LibraryLoan l) {
        if (l.previousBorrowedOn() == null) {
            return "";
        }
        long months = ChronoUnit.MONTHS.between(YearMonth.from(l.previousBorrowedOn()), YearMonth.from(l.borrowedOn()));
        return months >= LibraryKinds.READER_MONTHS ? "" : Long.toString(months);
    }
}
