package org.tongxin.training.internal;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each officer's own shortlist of candidates (工会干部选拔). */
@Repository
public class Shortlists {

    private final JdbcClient jdbc;

    Shortlists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the candidate; false when they were on the list already. */
    public boolean add(long accountId, long employeeId) {
        return jdbc.sql("INSERT INTO training_shortlist (account_id, employee_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(accountId, employeeId).update() == 1;
    }

    /** Unmarks the candidate; false when they were not on the list. */
    public boolean remove(long accountId, long employeeId) {
        return jdbc.sql("DELETE FROM training_shortlist WHERE account_id = ? AND employee_id = ?")
                .params(accountId, employeeId).update() == 1;
    }

    public Set<Long> of(long accountId) {
        return new HashSet<>(jdbc.sql("SELECT employee_id FROM training_shortlist WHERE account_id = ?")
                .param(accountId).query(Long.class).list());
    }
}
