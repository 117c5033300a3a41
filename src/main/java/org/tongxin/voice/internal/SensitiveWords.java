package org.tongxin.voice.internal;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The sensitive-word list (敏感词) of the discussions, kept in the database by the committee. A text contains a word
 * when its normalised form does: NFKC (full-width letters and digits become ordinary ones, compatibility characters
 * their plain form), lower case, and every character that is not a letter or a digit left out — so spaces,
 * punctuation, symbols or invisible characters typed between the characters of a word do not hide it. Words are kept
 * in that same form. A per-word scan of the normalised text is plenty for a list of a few hundred words and posts of
 * at most a thousand characters.
 */
@Service
public class SensitiveWords {

    static final int MAX_WORDS = 2000;
    static final int MAX_LENGTH = 30;

    /** What an edit of the list did. */
    public record Change(int added, int removed, int total) implements Serializable {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    SensitiveWords(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The form in which words are kept and texts matched. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The words of {@code words} (already normalised) found in the text, in the order given. */
    public static List<String> matches(String text, Collection<String> words) {
        String t = normalise(text);
        List<String> out = new ArrayList<>();
        if (t.isEmpty()) {
            return out;
        }
        for (String w : words) {
            if (!w.isEmpty() && t.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The listed words found in the text. */
    public List<String> found(String text) {
        return matches(text, words());
    }

    /** The list, in the order of the characters. */
    public List<String> words() {
        return jdbc.sql("SELECT word FROM voice_sensitive_word ORDER BY word").query(String.class).list();
    }

    public static boolean mayEdit(Viewer viewer) {
        return viewer.has(Role.COMMITTEE) || viewer.has(Role.ADMIN);
    }

    /**
     * Replaces the list with the words typed, one a line (commas and the like separate too), each normalised; blank
     * lines and repeats are dropped. For the committee and administrators only.
     */
    @Transactional
    public Change replace(Viewer editor, String typed) {
        if (!mayEdit(editor)) {
            throw new NotFoundException("sensitive words for this viewer");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String line : (typed == null ? "" : typed).split("[\\r\\n,，、;；]+")) {
            String w = normalise(line);
            if (w.length() > MAX_LENGTH) {
                throw new Refusal("voice.error.talk.wordTooLong");
            }
            if (!w.isEmpty()) {
                wanted.add(w);
            }
        }
        if (wanted.size() > MAX_WORDS) {
            throw new Refusal("voice.error.talk.tooManyWords");
        }
        // One editor at a time: the second waits and then replaces what the first left.
        jdbc.sql("LOCK TABLE voice_sensitive_word IN SHARE ROW EXCLUSIVE MODE").update();
        Set<String> before = new LinkedHashSet<>(words());
        List<String> removed = before.stream().filter(w -> !wanted.contains(w)).toList();
        List<String> added = wanted.stream().filter(w -> !before.contains(w)).toList();
        if (!removed.isEmpty()) {
            jdbc.sql("DELETE FROM voice_sensitive_word WHERE word = ANY(?)").param(removed.toArray(String[]::new))
                    .update();
        }
        for (String w : added) {
            jdbc.sql("INSERT INTO voice_sensitive_word (word, added_by) VALUES (?, ?)").params(w, editor.accountId())
                    .update();
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            audit.record(editor, "voice.talk.words", "voice_sensitive_word", null, null,
                    "+" + added.size() + " −" + removed.size(), Map.of("removed", String.join(" ", removed)),
                    Map.of("added", String.join(" ", added), "total", wanted.size()));
        }
        return new Change(added.size(), removed.size(), wanted.size());
    }
}
