package org.tongxin.library.search;

import java.io.Reader;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How catalogue text becomes terms. Title and authors are indexed twice, the summary as pairs only (see
 * {@link TitleIndex}):
 * <ul>
 *   <li>as words (smartcn), so 三国演义 is one term and a query for the whole word hits it as such;</li>
 *   <li>as single characters plus overlapping pairs (CJK bigrams), so a part of a word hits: 三国 and 演义 are
 *       both pairs of 三国演义. A query is cut into pairs only (a single character stays one), so all of its pairs
 *       must be in the field, which finds what a substring search would.</li>
 * </ul>
 * Function characters such as 的 are dropped wherever they stand alone (a smartcn word, a single character),
 * so a query of just 的 matches nothing instead of everything; inside a pair (人民的名义 → 民的, 的名) they stay.
 */
final class ChineseAnalyzers {

    /** Characters too common on their own to mean anything in a search. */
    static final CharArraySet STOP_CHARACTERS = CharArraySet.unmodifiableSet(new CharArraySet(
            List.of("的", "了", "着", "和", "与", "及", "之", "或", "而", "也", "在", "是", "于", "其", "等"), false));

    private static final int ALL_SCRIPTS = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
            | CJKBigramFilter.HANGUL;

    private ChineseAnalyzers() {
    }

    /** Words, for indexing and querying alike. */
    static Analyzer words() {
        CharArraySet stop = CharArraySet.copy(SmartChineseAnalyzer.getDefaultStopSet());
        stop.addAll(STOP_CHARACTERS);
        return new SmartChineseAnalyzer(stop);
    }

    /** Characters and pairs, for indexing. */
    static Analyzer pairsForIndex() {
        return new Pairs(true);
    }

    /** Pairs only (a lone character as itself), for queries. */
    static Analyzer pairsForQuery() {
        return new Pairs(false);
    }

    /** StandardTokenizer with full-width forms folded, lower-cased, then CJK pairs (what CJKAnalyzer does). */
    private static final class Pairs extends Analyzer {

        private final boolean singles;

        Pairs(boolean singles) {
            this.singles = singles;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new CJKBigramFilter(result, ALL_SCRIPTS, singles);
            result = new StopFilter(result, STOP_CHARACTERS);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }
    }
}
