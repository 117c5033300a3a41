package org.tongxin.library.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of the catalogue: one document per title with its text as words and as character pairs (see
 * {@link ChineseAnalyzers}), its ISBN, category, the rooms holding a copy and the rooms with a copy on the shelf.
 * It lives in memory, or in {@code tongxin.library.search.dir} when set (kept off the heap; wiped at start-up):
 * either way it is rebuilt from the database at every start by {@link TitleIndexer}.
 */
@Component
class TitleIndex implements DisposableBean {

    /** A title as the index needs it. */
    record IndexedTitle(long id, String isbn13, String title, String authors, String summary, long categoryId,
                        long createdAtMillis, long[] rooms, long[] shelfRooms) {
    }

    /** Ids of one page of hits in rank order, how many hit in all, and the time the index took. */
    record Found(List<Long> ids, long total, long tookNanos) {
    }

    private static final String ID = "id";
    private static final String KEY = "key";
    private static final String ISBN = "isbn";
    private static final String CATEGORY = "category";
    private static final String ROOM = "room";
    private static final String SHELF_ROOM = "shelf";
    private static final String ON_SHELF = "onShelf";
    private static final String CREATED = "created";
    private static final String WORDS = "_w";
    private static final String PAIRS = "_p";

    /** Text fields and their weight: a hit in the title counts most, then the authors, then the summary. */
    /**
     * Weights far apart on purpose: a word common in titles (养护 in a catalogue of road-maintenance manuals) has a
     * low IDF there and a high one in authors, which closer weights let an author hit outrank a title hit.
     */
    private static final Map<String, Float> TEXT_FIELDS = Map.of("title", 64f, "authors", 8f, "summary", 1f);
    /**
     * Fields also indexed as words. Not the summary: it is most of the text, smartcn cuts about ten times slower
     * than pairs (a 200,000-title build would take minutes), and its pairs already find every part of it.
     */
    private static final Set<String> WORD_FIELDS = Set.of("title", "authors");
    /** A whole word found as such weighs more than the same characters found as pairs. */
    private static final float WHOLE_WORD = 1.5f;
    /** Most whitespace-separated parts of a query looked at. */
    private static final int MAX_PARTS = 8;
    /** Most characters of a query looked at. */
    private static final int MAX_QUERY_LENGTH = 100;

    private static final Sort NEWEST_FIRST = new Sort(
            LongField.newSortField(CREATED, true, SortedNumericSelector.Type.MAX), SortField.FIELD_DOC);

    private final Directory directory;
    private final Analyzer words = ChineseAnalyzers.words();
    private final QueryBuilder wordQueries = new QueryBuilder(words);
    private final QueryBuilder pairQueries = new QueryBuilder(ChineseAnalyzers.pairsForQuery());
    private final IndexWriter writer;
    private final SearcherManager searchers;

    TitleIndex(@Value("${tongxin.library.search.dir:}") String dir) throws IOException {
        if (dir.isBlank()) {
            directory = new ByteBuffersDirectory();
        } else {
            Path path = Path.of(dir).toAbsolutePath().normalize();
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
        }
        Map<String, Analyzer> pairFields = new java.util.HashMap<>();
        Analyzer pairs = ChineseAnalyzers.pairsForIndex();
        TEXT_FIELDS.keySet().forEach(f -> pairFields.put(f + PAIRS, pairs));
        IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(words, pairFields))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
    }

    /** Adds a title (fresh: known not to be in the index yet) or replaces its document. */
    void put(IndexedTitle t, boolean fresh) {
        Document doc = new Document();
        doc.add(new StoredField(ID, t.id()));
        doc.add(new StringField(KEY, Long.toString(t.id()), Field.Store.NO));
        if (t.isbn13() != null) {
            doc.add(new StringField(ISBN, t.isbn13(), Field.Store.NO));
        }
        addText(doc, "title", t.title());
        addText(doc, "authors", t.authors());
        addText(doc, "summary", t.summary());
        doc.add(new LongField(CATEGORY, t.categoryId(), Field.Store.NO));
        for (long room : t.rooms()) {
            doc.add(new LongField(ROOM, room, Field.Store.NO));
        }
        for (long room : t.shelfRooms()) {
            doc.add(new LongField(SHELF_ROOM, room, Field.Store.NO));
        }
        if (t.shelfRooms().length > 0) {
            doc.add(new StringField(ON_SHELF, "y", Field.Store.NO));
        }
        doc.add(new LongField(CREATED, t.createdAtMillis(), Field.Store.NO));
        try {
            if (fresh) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(new Term(KEY, Long.toString(t.id())), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addText(Document doc, String field, String text) {
        if (text != null && !text.isBlank()) {
            if (WORD_FIELDS.contains(field)) {
                doc.add(new TextField(field + WORDS, text, Field.Store.NO));
            }
            doc.add(new TextField(field + PAIRS, text, Field.Store.NO));
        }
    }

    /** Makes what was put so far visible to searches. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    /**
     * What a typed text asks for: every whitespace-separated part must hit, in the title, the authors or the
     * summary, as pairs (part of a word) or as whole words (in any order within the part); the best field counts
     * most. Null when nothing searchable is left (only function characters or punctuation).
     */
    Query text(String typed) {
        String text = typed.length() > MAX_QUERY_LENGTH ? typed.substring(0, MAX_QUERY_LENGTH) : typed;
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int parts = 0;
        for (String part : text.strip().split("\\s+")) {
            if (parts == MAX_PARTS) {
                break;
            }
            List<Query> alternatives = new ArrayList<>();
            boolean wholeWords = hasWordOfSeveralCharacters(part);
            TEXT_FIELDS.forEach((field, weight) -> {
                Query pairs = pairQueries.createBooleanQuery(field + PAIRS, part, Occur.MUST);
                if (pairs != null) {
                    alternatives.add(new BoostQuery(pairs, weight));
                }
                // smartcn cuts unknown words (most names) into single characters, which would then match
                // anywhere in any order: those parts are left to the pairs.
                Query word = wholeWords && WORD_FIELDS.contains(field)
                        ? wordQueries.createBooleanQuery(field + WORDS, part, Occur.MUST) : null;
                if (word != null) {
                    alternatives.add(new BoostQuery(word, weight * WHOLE_WORD));
                }
            });
            if (!alternatives.isEmpty()) {
                all.add(new DisjunctionMaxQuery(alternatives, 0.1f), Occur.MUST);
                parts++;
            }
        }
        return parts == 0 ? null : all.build();
    }

    private boolean hasWordOfSeveralCharacters(String part) {
        try (TokenStream tokens = words.tokenStream("title" + WORDS, part)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            boolean found = false;
            while (tokens.incrementToken()) {
                found |= term.length() > 1;
            }
            tokens.end();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly the title with this ISBN-13. */
    static Query isbn(String isbn13) {
        return new TermQuery(new Term(ISBN, isbn13));
    }

    /**
     * The query (null: every title) narrowed to titles in one of the categories, holding a copy in the room, and
     * with a copy on the shelf (of that room, when one is given).
     */
    static Query filtered(Query query, Collection<Long> categories, Long roomId, boolean onShelf) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(query == null ? new MatchAllDocsQuery() : query, Occur.MUST);
        if (categories != null) {
            b.add(LongField.newSetQuery(CATEGORY, categories.stream().mapToLong(Long::longValue).toArray()),
                    Occur.FILTER);
        }
        if (roomId != null) {
            b.add(LongField.newExactQuery(onShelf ? SHELF_ROOM : ROOM, roomId), Occur.FILTER);
        } else if (onShelf) {
            b.add(new TermQuery(new Term(ON_SHELF, "y")), Occur.FILTER);
        }
        return b.build();
    }

    /** One page of hits: by rank, or newest first (for the new arrivals). */
    Found find(Query query, boolean newestFirst, int offset, int size) {
        long t0 = System.nanoTime();
        IndexSearcher s = acquire();
        try {
            TopDocs top;
            long total;
            if (newestFirst) {
                // no text: count() answers from the segments' statistics for a filter alone
                top = s.search(query, offset + size, NEWEST_FIRST);
                total = s.count(query);
            } else {
                // ranking and an exact total in one pass: half the time of search() then count() at p95
                top = s.search(query, new TopScoreDocCollectorManager(offset + size, Integer.MAX_VALUE));
                total = top.totalHits.value();
            }
            StoredFields stored = s.storedFields();
            List<Long> ids = new ArrayList<>(size);
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = offset; i < docs.length; i++) {
                ids.add(stored.document(docs[i].doc, Set.of(ID)).getField(ID).numericValue().longValue());
            }
            return new Found(ids, total, System.nanoTime() - t0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher s) {
        try {
            searchers.release(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.rollback();
        directory.close();
    }
}
