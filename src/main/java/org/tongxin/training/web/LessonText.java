package org.tongxin.training.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.training.internal.LessonMaterials.Picture;

/**
 * A text lesson as the page shows it: paragraphs of plain text (escaped when written out, never markup) and
 * pictures. A line reading just {@code [图2]} or {@code [image 2]} puts the second picture there; pictures the text
 * does not place follow it in order.
 */
final class LessonText {

    /** A paragraph ({@code text}) or a picture ({@code picture}, its number). */
    record Block(String text, Integer picture) {
    }

    private static final Pattern PLACE = Pattern.compile("\\s*\\[\\s*(?:图|圖|image|img|pic)\\s*(\\d{1,2})\\s*]\\s*",
            Pattern.CASE_INSENSITIVE);

    private LessonText() {
    }

    static List<Block> blocks(String body, List<Picture> pictures) {
        Set<Integer> numbers = new HashSet<>();
        pictures.forEach(p -> numbers.add(p.number()));
        List<Block> blocks = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : (body == null ? "" : body).replace("\r\n", "\n").split("\n", -1)) {
            Matcher m = PLACE.matcher(line);
            if (m.matches() && numbers.contains(Integer.parseInt(m.group(1)))) {
                flush(paragraph, blocks);
                int n = Integer.parseInt(m.group(1));
                blocks.add(new Block(null, n));
                placed.add(n);
            } else if (line.isBlank()) {
                flush(paragraph, blocks);
            } else {
                if (!paragraph.isEmpty()) {
                    paragraph.append('\n');
                }
                paragraph.append(line);
            }
        }
        flush(paragraph, blocks);
        pictures.stream().filter(p -> !placed.contains(p.number())).forEach(p -> blocks.add(new Block(null, p.number())));
        return blocks;
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Block(paragraph.toString(), null));
            paragraph.setLength(0);
        }
    }
}
