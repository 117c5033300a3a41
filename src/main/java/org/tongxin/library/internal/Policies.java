package org.tongxin.library.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loan rules as named policies matched on (reader type, category), like Koha's circulation matrix: the rule for
 * the reader's own type beats the rule for ANY reader; within a type, the rule of the nearest category beats one
 * further up the tree, which beats the rule for every category. The rule (ANY, every category) always exists.
 */
@Repository
public class Policies {

    /** Who a reader is to the rules. */
    public enum ReaderType {
        MEMBER, NON_MEMBER
    }

    /** A named policy. */
    public record Policy(long id, String name, int loanDays, int maxLoans, int renewals, boolean holdsAllowed,
                         int pickupDays, boolean floating) {

        public boolean mayBorrow() {
            return maxLoans > 0;
        }
    }

    /** A line of the matrix: reader type (or ANY), category (or every one), the policy it applies. */
    public record Rule(long id, String readerType, Long categoryId, long policyId) {
    }

    private static final String POLICY = "SELECT id, name, loan_days, max_loans, renewals, holds_allowed, pickup_days, "
            + "floating FROM library_policy";
    private static final RowMapper<Policy> MAPPER = (rs, i) -> new Policy(rs.getLong(1), rs.getString(2), rs.getInt(3),
            rs.getInt(4), rs.getInt(5), rs.getBoolean(6), rs.getInt(7), rs.getBoolean(8));

    private final JdbcClient jdbc;

    Policies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The policy for a reader of this type borrowing from this category, given the category and its ancestors
     * nearest first.
     */
    public Policy policyFor(ReaderType type, List<Long> categoryAndAncestors) {
        Long[] path = categoryAndAncestors.toArray(Long[]::new);
        return jdbc.sql("""
                        SELECT p.id, p.name, p.loan_days, p.max_loans, p.renewals, p.holds_allowed, p.pickup_days,
                          p.floating
                        FROM library_policy p JOIN library_rule r ON r.policy_id = p.id
                        WHERE r.reader_type IN (?, 'ANY') AND (r.category_id IS NULL OR r.category_id = ANY(?))
                        ORDER BY (r.reader_type = 'ANY'),
                          coalesce(array_position(?::bigint[], r.category_id), 2147483647)
                        LIMIT 1""")
                .params(type.name(), path, path).query(MAPPER).single();
    }

    public List<Policy> policies() {
        return jdbc.sql(POLICY + " ORDER BY name").query(MAPPER).list();
    }

    public Optional<Policy> find(long id) {
        return jdbc.sql(POLICY + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public List<Rule> rules() {
        return jdbc.sql("SELECT id, reader_type, category_id, policy_id FROM library_rule ORDER BY reader_type, category_id NULLS FIRST")
                .query((rs, i) -> new Rule(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getLong(4)))
                .list();
    }

    public long insertPolicy(Policy p) {
        return jdbc.sql("""
                        INSERT INTO library_policy (name, loan_days, max_loans, renewals, holds_allowed, pickup_days, floating)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.name(), p.loanDays(), p.maxLoans(), p.renewals(), p.holdsAllowed(), p.pickupDays(),
                        p.floating())
                .query(Long.class).single();
    }

    public void updatePolicy(Policy p) {
        jdbc.sql("""
                        UPDATE library_policy SET name = ?, loan_days = ?, max_loans = ?, renewals = ?, holds_allowed = ?,
                          pickup_days = ?, floating = ? WHERE id = ?""")
                .params(p.name(), p.loanDays(), p.maxLoans(), p.renewals(), p.holdsAllowed(), p.pickupDays(),
                        p.floating(), p.id())
                .update();
    }

    /** Sets the policy of a line of the matrix, adding the line when it is new. */
    public void setRule(String readerType, Long categoryId, long policyId) {
        jdbc.sql("""
                        INSERT INTO library_rule (reader_type, category_id, policy_id) VALUES (?, ?, ?)
                        ON CONFLICT (reader_type, coalesce(category_id, 0)) DO UPDATE SET policy_id = EXCLUDED.policy_id""")
                .params(readerType, categoryId, policyId).update();
    }

    public Optional<Rule> findRule(long ruleId) {
        return jdbc.sql("SELECT id, reader_type, category_id, policy_id FROM library_rule WHERE id = ?").param(ruleId)
                .query((rs, i) -> new Rule(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getLong(4)))
                .optional();
    }

    /** Whether another policy has this name (names are what officers tell policies apart by). */
    public boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM library_policy WHERE lower(trim(name)) = lower(trim(?)) AND id <> ?")
                .params(name, exceptId == null ? 0 : exceptId).query(Long.class).single() > 0;
    }

    /** Removes a policy no line of the matrix applies; false when one does (or it does not exist). */
    public boolean removePolicy(long policyId) {
        return jdbc.sql("""
                        DELETE FROM library_policy p WHERE id = ?
                          AND NOT EXISTS (SELECT 1 FROM library_rule r WHERE r.policy_id = p.id)""")
                .param(policyId).update() == 1;
    }

    /** Removes a line; the fallback (ANY, every category) cannot be removed. */
    public boolean removeRule(long ruleId) {
        return jdbc.sql("DELETE FROM library_rule WHERE id = ? AND NOT (reader_type = 'ANY' AND category_id IS NULL)")
                .param(ruleId).update() == 1;
    }
}
