package org.tongxin.rights;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.AppealCategory;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.shared.security.Viewer;

/**
 * Appeals for the demo enterprise, made through the same service as the pages; only {@link #backdate} writes
 * directly, to spread what one start-up made over the past months.
 */
@Service
public class RightsSetup {

    private final Appeals appeals;
    private final JdbcClient jdbc;

    RightsSetup(Appeals appeals, JdbcClient jdbc) {
        this.appeals = appeals;
        this.jdbc = jdbc;
    }

    public long raise(Viewer employee, String category, String identity, String happened, String wanted) {
        return appeals.raise(employee, new Appeals.Raise(AppealCategory.valueOf(category),
                Appeal.Identity.valueOf(identity), happened, wanted));
    }

    public void accept(Viewer officer, long id) {
        appeals.accept(officer, id);
    }

    public void step(Viewer officer, long id, String kind, String note) {
        appeals.record(officer, id, kind, note);
    }

    public void reply(Viewer officer, long id, String reply) {
        appeals.reply(officer, id, reply);
    }

    public void rate(Viewer employee, long id, String rating, boolean reopen) {
        appeals.rate(employee, id, Appeal.Rating.valueOf(rating), reopen);
    }

    public void toMediation(Viewer officer, long id) {
        appeals.toMediation(officer, id);
    }

    /** Moves what is overdue on {@code today} up the chain, as the job does. */
    public int escalateOverdue(LocalDate today) {
        return appeals.escalateOverdue(today);
    }

    /** The unit holding the appeal now. */
    public long routeUnit(long id) {
        return appeals.find(id).orElseThrow().routeUnitId();
    }

    /** Shifts an appeal's whole history {@code days} into the past: its times, deadlines and steps. */
    @Transactional
    public void backdate(long id, int days) {
        String shift = days + " days";
        jdbc.sql("""
                        UPDATE rights_appeal SET created_at = created_at - CAST(? AS interval),
                          accepted_at = accepted_at - CAST(? AS interval), replied_at = replied_at - CAST(? AS interval),
                          rated_at = rated_at - CAST(? AS interval), closed_at = closed_at - CAST(? AS interval),
                          accept_due = accept_due - ?, resolve_due = resolve_due - ?
                        WHERE id = ?""")
                .params(shift, shift, shift, shift, shift, days, days, id).update();
        jdbc.sql("UPDATE rights_appeal_step SET created_at = created_at - CAST(? AS interval) WHERE appeal_id = ?")
                .params(shift, id).update();
        jdbc.sql("UPDATE rights_appeal_route SET since = since - CAST(? AS interval) WHERE appeal_id = ?")
                .params(shift, id).update();
    }
}
