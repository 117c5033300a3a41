package org.tongxin.publicity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text as posters and feeds carry it: titles on the poster wrap as Chinese does, cut overlong words and end in "…"
 * when they run out of lines; feeds drop the characters XML cannot hold.
 */
class PublicityTextTests {

    private static final FontMetrics METRICS = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
            .getFontMetrics(new Font(Font.MONOSPACED, Font.PLAIN, 20));
    private static final int CHAR = METRICS.stringWidth("a");

    @Test
    void linesBreakBetweenAnyTwoChineseCharactersButNeverBeforeAClosingMark() {
        int width = METRICS.stringWidth("工会动态工会动") + 1;
        List<String> lines = SharePoster.wrap("关于开展安康杯，知识竞赛的通知", METRICS, width, 5);
        assertThat(String.join("", lines)).isEqualTo("关于开展安康杯，知识竞赛的通知");
        assertThat(lines).allSatisfy(l -> {
            assertThat(METRICS.stringWidth(l)).isLessThanOrEqualTo(width);
            assertThat(l).doesNotStartWith("，");
        });
        assertThat(lines).hasSizeGreaterThan(1);
    }

    @Test
    void latinWordsStayWholeUnlessLongerThanALine() {
        List<String> lines = SharePoster.wrap("safety month at the toll station", METRICS, CHAR * 12, 10);
        assertThat(lines).containsExactly("safety month", "at the toll", "station");
        List<String> cut = SharePoster.wrap("abcdefghijklmnopqrstuvwxyz", METRICS, CHAR * 10, 10);
        assertThat(cut).containsExactly("abcdefghij", "klmnopqrst", "uvwxyz");
    }

    @Test
    void textBeyondTheLastLineEndsInAnEllipsis() {
        List<String> lines = SharePoster.wrap("一二三四五六七八九十一二三四五六七八九十", METRICS,
                METRICS.stringWidth("一二三四五"), 2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith("…");
        assertThat(METRICS.stringWidth(lines.get(1))).isLessThanOrEqualTo(METRICS.stringWidth("一二三四五"));
    }

    @Test
    void feedsLeaveOutCharactersXmlCannotCarry() {
        assertThat(FeedWriter.clean("职工之家\u0007建成\u0000")).isEqualTo("职工之家建成");
        assertThat(FeedWriter.clean("表情😀保留")).isEqualTo("表情😀保留");
    }
}
