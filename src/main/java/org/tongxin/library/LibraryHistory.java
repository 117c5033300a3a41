package org.tongxin.library;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.tongxin.library.internal.LoanSnapshots;

/** The library's history as the snapshots it publishes, for rebuilding figures kept elsewhere from scratch. */
@Service
public class LibraryHistory {

    private static final int PAGE = 5_000;

    private final LoanSnapshots snapshots;

    LibraryHistory(LoanSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Every loan, a page at a time, each as a {@link LibraryLoan} with version 0. */
    public void replayLoans(Consumer<LibraryLoan> sink) {
        long after = 0;
        while (true) {
            List<LibraryLoan> page = snapshots.after(after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().loanId();
        }
    }
}
