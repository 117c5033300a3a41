package org.tongxin.library.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.search.Query;
import org.springframework.stereotype.Service;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.Catalogue.Category;
import org.tongxin.library.internal.Catalogue.Title;
import org.tongxin.library.internal.Copies;
import org.tongxin.library.internal.Isbn;
import org.tongxin.shared.web.Page;

/**
 * Search over the catalogue for readers: Chinese text (title, authors, summary), ISBN-10 or ISBN-13 as typed, a
 * category with everything below it, a room, copies on the shelf now. Ranked by the index; each title on the page
 * comes with its copies and copies on the shelf read from the database, so what the page says is exact even when
 * the index trails a loan by a poll.
 */
@Service
public class LibrarySearch {

    public static final int PAGE_SIZE = 20;
    /**
     * Pages a reader can go through (the first 2,000 hits): the index keeps a slot per hit up to the page asked
     * for, so an unbounded page number would let one request allocate millions of them.
     */
    public static final int MAX_PAGES = 100;

    /**
     * What a reader asks.
     *
     * @param text          what was typed: words, parts of words, an author, an ISBN; blank for the new arrivals
     * @param categoryId    only this category and those below it; null for all
     * @param roomId        only titles with a copy in this room (on its shelf, with {@code availableOnly}); null for all
     * @param availableOnly only titles with a copy on a shelf now
     * @param page          zero-based page
     */
    public record SearchQuery(String text, Long categoryId, Long roomId, boolean availableOnly, int page) {

        public boolean blank() {
            return text == null || text.isBlank();
        }
    }

    /** A title found, with its copies and copies on the shelf (in the room asked for, or in all rooms). */
    public record Hit(Title title, int copies, int available) {
    }

    /**
     * @param hits       the page of titles found, in rank order (newest first for the new arrivals); its total is
     *                   at most {@link #MAX_PAGES} pages' worth, for the pager
     * @param found      how many titles were found in all
     * @param ready      false while the index is still being built at start-up (hits are then empty)
     * @param byIsbn     the text was read as an ISBN
     * @param tookMicros time spent in the index
     */
    public record Results(Page<Hit> hits, long found, boolean ready, boolean byIsbn, long tookMicros) {
    }

    /**
     * Where this node's index stands.
     *
     * @param titles  titles in the index
     * @param highest the highest change number the index has read
     * @param settled every change numbered up to here is in the index; changes above are re-read each poll until
     *                the transactions that might still commit below {@code highest} have ended
     */
    public record Status(boolean ready, int titles, long highest, long settled) {
    }

    private final TitleIndex index;
    private final TitleIndexer indexer;
    private final Catalogue catalogue;
    private final Copies copies;

    LibrarySearch(TitleIndex index, TitleIndexer indexer, Catalogue catalogue, Copies copies) {
        this.index = index;
        this.indexer = indexer;
        this.catalogue = catalogue;
        this.copies = copies;
    }

    public Results search(SearchQuery q) {
        int page = Math.min(Page.clamp(q.page()), MAX_PAGES - 1);
        if (!indexer.ready()) {
            return new Results(new Page<>(List.of(), page, PAGE_SIZE, 0), 0, false, false, 0);
        }
        Optional<String> isbn = q.blank() ? Optional.empty() : Isbn.toIsbn13(q.text());
        Query match = null;
        if (isbn.isPresent()) {
            match = TitleIndex.isbn(isbn.get());
        } else if (!q.blank()) {
            match = index.text(q.text());
            if (match == null) {
                return new Results(new Page<>(List.of(), page, PAGE_SIZE, 0), 0, true, false, 0);
            }
        }
        Set<Long> categories = q.categoryId() == null ? null : categoryAndBelow(q.categoryId());
        TitleIndex.Found found = index.find(TitleIndex.filtered(match, categories, q.roomId(), q.availableOnly()),
                q.blank(), page * PAGE_SIZE, PAGE_SIZE);
        long pageable = Math.min(found.total(), (long) MAX_PAGES * PAGE_SIZE);
        return new Results(new Page<>(hits(found.ids(), q.roomId()), page, PAGE_SIZE, pageable), found.total(), true,
                isbn.isPresent(), found.tookNanos() / 1_000);
    }

    /** Brings the index up to what is committed now; for tests and tools that must see their own writes at once. */
    public void catchUp() {
        indexer.catchUp();
    }

    public boolean ready() {
        return indexer.ready();
    }

    public Status status() {
        return indexer.status();
    }

    private Set<Long> categoryAndBelow(long categoryId) {
        List<Category> tree = catalogue.categories();
        Map<Long, List<Long>> children = new HashMap<>();
        tree.forEach(c -> {
            if (c.parentId() != null) {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c.id());
            }
        });
        Set<Long> out = new HashSet<>();
        List<Long> todo = new ArrayList<>(List.of(categoryId));
        while (!todo.isEmpty()) {
            long id = todo.removeLast();
            if (out.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return out;
    }

    private List<Hit> hits(List<Long> ids, Long roomId) {
        Map<Long, Title> titles = catalogue.byIds(ids).stream().collect(Collectors.toMap(Title::id, Function.identity()));
        Map<Long, int[]> counts = new HashMap<>();
        for (Copies.Availability a : copies.availability(ids)) {
            if (roomId == null || a.roomId() == roomId) {
                int[] c = counts.computeIfAbsent(a.titleId(), k -> new int[2]);
                c[0] += a.copies();
                c[1] += a.available();
            }
        }
        List<Hit> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Title t = titles.get(id);
            // a title deleted since the index read it is left out
            if (t != null) {
                int[] c = counts.getOrDefault(id, new int[2]);
                out.add(new Hit(t, c[0], c[1]));
            }
        }
        return out;
    }
}
