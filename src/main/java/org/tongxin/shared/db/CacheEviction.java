package org.tongxin.shared.db;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Forgetting what a node keeps in memory about rows a transaction is changing. */
public final class CacheEviction {

    private CacheEviction() {
    }

    /**
     * Runs {@code evict} now and again when the current transaction ends: a request on another thread reading the
     * row before the commit would otherwise put the old state back in the cache until it expires.
     */
    public static void nowAndAtTransactionEnd(Runnable evict) {
        evict.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict.run();
                }
            });
        }
    }
}
