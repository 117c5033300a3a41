package org.tongxin.identity.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.shared.db.CacheEviction;
import org.tongxin.shared.security.Role;

/** Accounts and their grants. */
@Repository
public class Accounts {

    private static final String COLUMNS =
            "id, username, employee_id, password_hash, must_change_password, failed_attempts, locked_until, locale";
    private static final RowMapper<Account> MAPPER = (rs, i) -> new Account(rs.getLong("id"),
            rs.getString("username"), (Long) rs.getObject("employee_id"), rs.getString("password_hash"),
            rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
            rs.getObject("locked_until", OffsetDateTime.class), rs.getString("locale"));
    private static final RowMapper<Grant> GRANT = (rs, i) -> new Grant(rs.getLong("id"), rs.getLong("account_id"),
            Role.valueOf(rs.getString("role")), (Long) rs.getObject("unit_id"), rs.getString("post"));

    private final JdbcClient jdbc;
    private final long sessionStateTtlNanos;
    private final Map<Long, RecentState> recentStates = new ConcurrentHashMap<>();

    Accounts(JdbcClient jdbc, @Value("${tongxin.identity.session-check-ttl:2s}") Duration sessionStateTtl) {
        this.jdbc = jdbc;
        this.sessionStateTtlNanos = sessionStateTtl.toNanos();
    }

    public Optional<Account> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<Account> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = ?").param(username).query(MAPPER)
                .optional();
    }

    public Optional<Account> byEmployee(long employeeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE employee_id = ?").param(employeeId).query(MAPPER)
                .optional();
    }

    /** The employee's account, created on first need; concurrent first log-ins create it once. */
    public Account forEmployee(long employeeId) {
        jdbc.sql("INSERT INTO account (employee_id) VALUES (?) ON CONFLICT (employee_id) DO NOTHING")
                .param(employeeId).update();
        return byEmployee(employeeId).orElseThrow();
    }

    public Account createTechnical(String username, String passwordHash, boolean mustChange) {
        long id = jdbc.sql("""
                        INSERT INTO account (username, password_hash, must_change_password) VALUES (?, ?, ?)
                        RETURNING id""")
                .params(username, passwordHash, mustChange).query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** Counts a failed log-in; the fifth in a row locks the account until {@code lockUntil}. */
    public void recordFailure(long id, int maxAttempts, OffsetDateTime lockUntil) {
        jdbc.sql("""
                        UPDATE account SET
                          locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END,
                          failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END
                        WHERE id = ?""")
                .params(maxAttempts, lockUntil, maxAttempts, id).update();
    }

    public void recordSuccess(long id) {
        jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    public void unlock(long id) {
        recordSuccess(id);
    }

    /** Sets a password and ends every other session of the account (see {@link SessionChecks}). */
    public void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("""
                        UPDATE account SET password_hash = ?, must_change_password = ?, session_stamp = session_stamp + 1
                        WHERE id = ?""")
                .params(hash, mustChange, id).update();
        forgetSessionState(id);
    }

    public void setLocale(long id, String locale) {
        jdbc.sql("UPDATE account SET locale = ? WHERE id = ?").params(locale, id).update();
    }

    /** Large-text mode as the person last chose it; empty when they never did. */
    public Optional<Boolean> largeText(long id) {
        return jdbc.sql("SELECT large_text FROM account WHERE id = ? AND large_text IS NOT NULL").param(id)
                .query(Boolean.class).optional();
    }

    public void setLargeText(long id, boolean large) {
        jdbc.sql("UPDATE account SET large_text = ? WHERE id = ?").params(large, id).update();
    }

    public List<Grant> grants(long accountId) {
        return jdbc.sql("SELECT id, account_id, role, unit_id, post FROM role_grant WHERE account_id = ? ORDER BY id")
                .param(accountId).query(GRANT).list();
    }

    public Optional<Grant> grant(long grantId) {
        return jdbc.sql("SELECT id, account_id, role, unit_id, post FROM role_grant WHERE id = ?")
                .param(grantId).query(GRANT).optional();
    }

    public List<Grant> officerGrantsOfUnit(long unitId) {
        return jdbc.sql("""
                        SELECT id, account_id, role, unit_id, post FROM role_grant
                        WHERE role IN ('OFFICER', 'CARE') AND unit_id = ? ORDER BY id""")
                .param(unitId).query(GRANT).list();
    }

    /** Adds a grant; returns false when the account already holds it. */
    public boolean addGrant(long accountId, Role role, Long unitId, String post) {
        boolean added = jdbc.sql("""
                        INSERT INTO role_grant (account_id, role, unit_id, post) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(accountId, role.name(), unitId, post).update() == 1;
        if (added) {
            bumpGrantsVersion(accountId);
        }
        return added;
    }

    public void removeGrant(Grant grant) {
        jdbc.sql("DELETE FROM role_grant WHERE id = ?").param(grant.id()).update();
        bumpGrantsVersion(grant.accountId());
    }

    private void bumpGrantsVersion(long accountId) {
        jdbc.sql("UPDATE account SET grants_version = grants_version + 1 WHERE id = ?").param(accountId).update();
        forgetSessionState(accountId);
    }

    /** What a signed-in session compares on every request; both -1 when the account is gone. */
    public record SessionState(int grantsVersion, int sessionStamp) {
    }

    private record RecentState(SessionState state, long readAtNanos) {
    }

    /** The account's session state as the database has it now. */
    public SessionState sessionState(long accountId) {
        SessionState state = jdbc.sql("SELECT grants_version, session_stamp FROM account WHERE id = ?").param(accountId)
                .query((rs, i) -> new SessionState(rs.getInt(1), rs.getInt(2))).optional()
                .orElse(new SessionState(-1, -1));
        if (recentStates.size() > 100_000) {
            recentStates.clear();
        }
        recentStates.put(accountId, new RecentState(state, System.nanoTime()));
        return state;
    }

    /**
     * The session state as read on this node at most {@code tongxin.identity.session-check-ttl} ago: every request
     * of a signed-in person compares it, and a thousand viewers fetching video segments would otherwise queue for
     * the connection pool on this one look-up (bench/README.md, scenario live). A change made on this node is seen
     * at once (it forgets the entry when it commits); one made on another node within the TTL.
     */
    public SessionState recentSessionState(long accountId) {
        RecentState recent = recentStates.get(accountId);
        if (recent != null && System.nanoTime() - recent.readAtNanos() < sessionStateTtlNanos) {
            return recent.state();
        }
        return sessionState(accountId);
    }

    private void forgetSessionState(long accountId) {
        CacheEviction.nowAndAtTransactionEnd(() -> recentStates.remove(accountId));
    }

    /** The account row, locked until the transaction ends: concurrent log-ins to one account take turns. */
    public Account lockForLogIn(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ? FOR UPDATE").param(id).query(MAPPER).single();
    }

    public boolean anyAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM role_grant WHERE role = 'ADMIN')").query(Boolean.class).single();
    }
}
