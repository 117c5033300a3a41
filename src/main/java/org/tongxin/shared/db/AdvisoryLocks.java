package org.tongxin.shared.db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serialises writers for the rest of the current transaction with a PostgreSQL transaction-level advisory lock, so a
 * check made next — a rate limit counted from the rows written so far — cannot be passed by two requests at once:
 * the second waits until the first has committed and then counts its row too. A lock is named by a space (one per
 * use, e.g. {@code "live-chat:42"}) and a key in it (usually the person). Two names that happen to hash alike only wait
 * for each other needlessly, never wrongly.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /**
     * Takes the lock, waiting for whoever holds it, until the caller's transaction ends.
     *
     * @throws IllegalStateException outside a transaction, where the lock would end with the statement
     */
    public static void holdUntilCommit(JdbcClient jdbc, String space, long key) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an advisory lock for " + space + " needs a transaction");
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?), ?)").params(space, Long.hashCode(key))
                .query(Object.class).single();
    }
}
