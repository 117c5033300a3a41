package org.tongxin.org;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The tree's history as the snapshots org publishes, for rebuilding figures kept elsewhere from scratch. */
@Service
public class OrgHistory {

    private final JdbcClient jdbc;

    OrgHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every month's headcounts, oldest first, one {@link UnitHeadcounts} per month with version 0. */
    public void replayHeadcounts(Consumer<UnitHeadcounts> sink) {
        List<LocalDate> months = jdbc.sql("SELECT DISTINCT month FROM unit_headcount_month ORDER BY month")
                .query(LocalDate.class).list();
        for (LocalDate month : months) {
            sink.accept(new UnitHeadcounts(month, jdbc.sql("""
                            SELECT unit_id, employees FROM unit_headcount_month WHERE month = ? ORDER BY unit_id""")
                    .param(month).query((rs, i) -> new UnitHeadcounts.Count(rs.getLong(1), rs.getInt(2))).list(), 0));
        }
    }
}
