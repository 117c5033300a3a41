package org.tongxin.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Officer accounts for modules that record a right by account (publicity reviewers): who holds an officer post in
 * which unit, and the employee behind an account. Ids and posts only; names come from the org module.
 */
@Service
public class OfficerAccounts {

    /** An officer post held by an account that belongs to an employee. */
    public record OfficerAccount(long accountId, long employeeId, long unitId, String post) {
    }

    private final JdbcClient jdbc;

    OfficerAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Officer posts in any of the units, of accounts that belong to an employee (technical accounts left out). */
    public List<OfficerAccount> inUnits(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT a.id, a.employee_id, g.unit_id, g.post FROM role_grant g JOIN account a ON a.id = g.account_id
                        WHERE g.role = 'OFFICER' AND g.unit_id = ANY(?) AND a.employee_id IS NOT NULL
                        ORDER BY g.unit_id, g.id""")
                .param(unitIds.toArray(Long[]::new))
                .query((rs, i) -> new OfficerAccount(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    /** The employee behind each of the accounts that has one. */
    public Map<Long, Long> employeeIds(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, employee_id FROM account WHERE id = ANY(?) AND employee_id IS NOT NULL")
                .param(accountIds.toArray(Long[]::new))
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
