package org.tongxin.library.search;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.library.search.TitleFeed.Snapshot;
import org.tongxin.library.search.TitleIndex.IndexedTitle;

/**
 * Keeps this node's {@link TitleIndex} current with the database, on its own: nodes never talk to each other.
 *
 * <p>Every change search shows takes a number from {@code library_search_seq} (a title's own row, or one of its
 * copies). At start-up a background thread builds the index from every title (searches say "not ready" until it
 * is done, so start-up stays fast whatever the catalogue's size), then every {@code poll-interval} it re-reads the
 * titles numbered above a watermark.
 *
 * <p>Numbers are taken in one order and committed in another: a transaction holding number 7 may commit after one
 * holding 9 was read. So the watermark ({@code settled}) trails the highest number seen: a pass records the highest
 * number it saw together with its snapshot's {@code xmax}; once a later pass's snapshot shows every transaction
 * below that {@code xmax} finished ({@code xmin >= xmax}) and that later pass has re-read everything above the old
 * watermark, nothing at or below the recorded number can still appear. A short grace covers a transaction that had
 * taken its number but not yet its transaction id when the snapshot was taken (the instant between an INSERT's
 * default and the row's write). Re-reads are cheap: only (id, number) pairs come back, and a title is
 * re-indexed only when its number rose.
 */
@Component
class TitleIndexer implements SmartLifecycle, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(TitleIndexer.class);
    private static final long GRACE_NANOS = Duration.ofSeconds(2).toNanos();
    private static final int CHUNK = 500;
    /** Title ids come from a BIGSERIAL, so a plain array indexed by id keeps what was indexed compactly. */
    private static final int MAX_TITLE_ID = 1 << 28;

    /** The highest number seen by a pass, and its snapshot's bounds and time. */
    private record Candidate(long version, long xmax, long takenAtNanos) {
    }

    private final TitleFeed feed;
    private final TitleIndex index;
    private final TransactionTemplate tx;
    private final Duration interval;
    private final ExecutorService workers;
    private final int threads;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile boolean ready;
    private volatile boolean running;
    private Thread poller;
    private boolean failing;

    private volatile Timer passes;

    // written under lock; volatile so that metrics read them without waiting for a pass
    private volatile long settled;
    private volatile long highest;
    // guarded by lock
    private final ArrayDeque<Candidate> pending = new ArrayDeque<>();
    private long[] indexedVersion = new long[1024];

    TitleIndexer(TitleFeed feed, TitleIndex index, PlatformTransactionManager transactions,
                 @Value("${tongxin.library.search.poll-interval:PT1S}") Duration interval) {
        this.feed = feed;
        this.index = index;
        this.interval = interval;
        this.tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        tx.setReadOnly(true);
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("library-index-", 1)
                .factory());
    }

    /** Where the index stands: titles in it, the highest number seen, the watermark below which nothing can appear. */
    LibrarySearch.Status status() {
        lock.lock();
        try {
            return new LibrarySearch.Status(ready, index.size(), highest, settled);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tongxin.library.search.titles", index, TitleIndex::size)
                .description("Titles in this node's search index").register(registry);
        Gauge.builder("tongxin.library.search.unsettled", this, i -> i.highest - i.settled)
                .description("Change numbers above the watermark, re-read every poll").register(registry);
        Gauge.builder("tongxin.library.search.ready", this, i -> i.ready ? 1 : 0)
                .description("1 once the index has been built").register(registry);
        passes = Timer.builder("tongxin.library.search.pass")
                .description("Catching up with the catalogue: the build, then each poll").register(registry);
    }

    /** True once the first pass (the build) is done: searches are answered from then on. */
    boolean ready() {
        return ready;
    }

    /** Brings the index up to what is committed now (the first call builds it, or waits for the build). */
    void catchUp() {
        lock.lock();
        try {
            pass();
        } finally {
            lock.unlock();
        }
    }

    private void pass() {
        long started = System.nanoTime();
        boolean build = !ready;
        int[] reindexed = {0};
        tx.executeWithoutResult(status -> {
            Snapshot snapshot = feed.snapshot();
            Map<Long, Long> stale = new HashMap<>();
            long[] max = {highest};
            feed.renumberedSince(settled, (titleId, version) -> {
                max[0] = Math.max(max[0], version);
                if (version > indexed(titleId)) {
                    stale.merge(titleId, version, Math::max);
                }
            });
            reindex(stale, build);
            stale.forEach(this::setIndexed);
            reindexed[0] = stale.size();
            highest = max[0];
            if (highest > settled && (pending.isEmpty() || pending.peekLast().version() < highest)) {
                pending.add(new Candidate(highest, snapshot.xmax(), started));
            }
            while (!pending.isEmpty() && pending.peek().xmax() <= snapshot.xmin()
                    && started - pending.peek().takenAtNanos() >= GRACE_NANOS) {
                settled = pending.poll().version();
            }
        });
        index.refresh();
        Timer timer = passes;
        if (timer != null) {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        if (build) {
            ready = true;
            log.info("Library search: indexed {} titles in {} ms", reindexed[0],
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /** Reads the titles in chunks and indexes them on all cores while the next chunk is read. */
    private void reindex(Map<Long, Long> stale, boolean fresh) {
        List<Long> ids = new ArrayList<>(stale.keySet());
        if (ids.size() <= CHUNK) {
            feed.titles(ids).forEach(t -> index.put(t, fresh));
            return;
        }
        Semaphore inFlight = new Semaphore(threads + 1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                if (!running) {
                    throw new CancellationException("library search stopped");
                }
                List<IndexedTitle> chunk = feed.titles(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
                inFlight.acquire();
                done.add(workers.submit(() -> {
                    try {
                        chunk.forEach(t -> index.put(t, fresh));
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while indexing");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private long indexed(long titleId) {
        return titleId < indexedVersion.length ? indexedVersion[(int) titleId] : 0;
    }

    private void setIndexed(long titleId, long version) {
        if (titleId >= MAX_TITLE_ID) {
            throw new IllegalStateException("title id " + titleId + " beyond the index's table");
        }
        if (titleId >= indexedVersion.length) {
            indexedVersion = java.util.Arrays.copyOf(indexedVersion,
                    (int) Math.min(MAX_TITLE_ID, Math.max(titleId + 1, indexedVersion.length * 2L)));
        }
        indexedVersion[(int) titleId] = version;
    }

    private void poll() {
        while (running) {
            try {
                catchUp();
                if (failing) {
                    log.info("Library search: catching up again");
                    failing = false;
                }
            } catch (CancellationException stopped) {
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("Library search: could not catch up with the catalogue, retrying", e);
                    failing = true;
                }
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        poller = Thread.ofPlatform().daemon().name("library-search").start(this::poll);
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
            try {
                poller.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
