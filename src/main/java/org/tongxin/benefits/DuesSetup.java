package org.tongxin.benefits;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.benefits.internal.DuesExemptions;
import org.tongxin.benefits.internal.DuesRecords;
import org.tongxin.benefits.internal.DuesRule;

/**
 * Dues for the demo enterprise and the benchmarks, written in batches without officer scope, checks or audit: never
 * for pages. A payroll month is one run, as if each month's file had been imported.
 */
@Service
public class DuesSetup {

    /** One member's month: the amount is the rule's base × rate. */
    public record Month(long employeeId, long unitId, BigDecimal base, BigDecimal rate) {
    }

    private final DuesRecords records;
    private final DuesExemptions exemptions;
    private final DuesRule rule;

    DuesSetup(DuesRecords records, DuesExemptions exemptions, DuesRule rule) {
        this.records = records;
        this.exemptions = exemptions;
        this.rule = rule;
    }

    public BigDecimal defaultRate() {
        return rule.defaultRate();
    }

    /** A month's payroll file as imported by {@code actorId}: its run and its rows. */
    @Transactional
    public long payroll(long actorId, String actorName, YearMonth month, List<Month> rows) {
        List<DuesRecords.NewEntry> entries = rows.stream().map(r -> new DuesRecords.NewEntry(r.employeeId(), month,
                r.unitId(), r.base(), r.rate(), rule.amount(r.base(), r.rate()))).toList();
        BigDecimal total = entries.stream().map(DuesRecords.NewEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long run = records.insertRun(actorId, actorName, "工资会费-" + month + ".xlsx", entries.size(), 0, total);
        records.insertPayroll(run, actorId, entries, false);
        return run;
    }

    /** An exemption: reason HARDSHIP, LONG_SICK_LEAVE or OTHER (with a note); {@code to} null for open-ended. */
    @Transactional
    public long exemption(long employeeId, long unitId, String reason, String note, YearMonth from, YearMonth to,
                          long grantedBy) {
        return exemptions.insert(employeeId, unitId, DuesExemptions.Reason.valueOf(reason), note, from, to, grantedBy);
    }
}
