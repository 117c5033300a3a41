package org.tongxin.publicity.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;
import org.tongxin.shared.files.CjkFont;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.web.QrCodes;

/**
 * The QR poster of an item, a phone-screen PNG (750 × 1334) to post in chat groups and print for noticeboards: the
 * cover on top, the title wrapped as Chinese wraps (any character may start a line, but no line starts with a
 * closing mark such as "，"), the summary, the unit and date, and in the band at the bottom the QR code of the page
 * with a line telling what scanning it does. Text is drawn in the machine's CJK font ({@link CjkFont}).
 */
@Component
public class SharePoster {

    static final int WIDTH = 750;
    static final int HEIGHT = 1334;
    private static final int COVER_HEIGHT = 422;
    private static final int MARGIN = 48;
    private static final int BAND_HEIGHT = 400;
    private static final int QR_SIZE = 280;
    private static final Color RED = new Color(0xC8, 0x10, 0x2E);

    /** What the poster says, in the reader's language. */
    public record Text(String title, String summary, String unitAndDate, String pageUrl, String scanToRead,
                       String siteName) {
    }

    private final CjkFont font;

    SharePoster(CjkFont font) {
        this.font = font;
    }

    public byte[] render(Text text, Optional<FileStore.Image> cover) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            drawCover(g, cover.flatMap(SharePoster::decode), text.siteName());

            int bandTop = HEIGHT - BAND_HEIGHT;
            int y = COVER_HEIGHT + 40;
            Font title = font.awt(Font.BOLD, 46);
            y = paragraph(g, title, Color.BLACK, text.title(), y, 64, 4, bandTop - 40);
            if (!text.summary().isBlank()) {
                y = paragraph(g, font.awt(Font.PLAIN, 28), new Color(0x55, 0x55, 0x55), text.summary(), y + 20, 42, 3,
                        bandTop - 90);
            }
            paragraph(g, font.awt(Font.PLAIN, 26), new Color(0x88, 0x88, 0x88), text.unitAndDate(),
                    Math.min(y + 24, bandTop - 70), 38, 1, bandTop - 20);

            g.setColor(new Color(0xF6, 0xF6, 0xF8));
            g.fillRect(0, bandTop, WIDTH, BAND_HEIGHT);
            g.setColor(RED);
            g.fillRect(0, bandTop, WIDTH, 6);
            int qrTop = bandTop + (BAND_HEIGHT - QR_SIZE) / 2;
            drawQr(g, text.pageUrl(), MARGIN, qrTop);
            int textLeft = MARGIN + QR_SIZE + 36;
            int textWidth = WIDTH - MARGIN - textLeft;
            Font scan = font.awt(Font.BOLD, 36);
            int after = wrapped(g, scan, RED, text.scanToRead(), textLeft, textWidth, qrTop + QR_SIZE / 2 - 30, 50, 2);
            wrapped(g, font.awt(Font.PLAIN, 26), new Color(0x66, 0x66, 0x66), text.siteName(), textLeft, textWidth,
                    after + 16, 36, 2);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * 1024);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("poster", e);
        }
        return out.toByteArray();
    }

    private static Optional<BufferedImage> decode(FileStore.Image image) {
        try {
            return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(image.content())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The cover cut to the band's shape from its middle (as CSS object-fit: cover); without one, the union red. */
    private void drawCover(Graphics2D g, Optional<BufferedImage> cover, String siteName) {
        if (cover.isEmpty()) {
            g.setColor(RED);
            g.fillRect(0, 0, WIDTH, COVER_HEIGHT);
            Font f = font.awt(Font.BOLD, 64);
            g.setFont(f);
            g.setColor(Color.WHITE);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(siteName, (WIDTH - fm.stringWidth(siteName)) / 2, COVER_HEIGHT / 2 + fm.getAscent() / 2 - 8);
            return;
        }
        BufferedImage c = cover.get();
        double scale = Math.max((double) WIDTH / c.getWidth(), (double) COVER_HEIGHT / c.getHeight());
        int sw = (int) Math.round(WIDTH / scale);
        int sh = (int) Math.round(COVER_HEIGHT / scale);
        int sx = (c.getWidth() - sw) / 2;
        int sy = (c.getHeight() - sh) / 2;
        g.drawImage(c, 0, 0, WIDTH, COVER_HEIGHT, sx, sy, sx + sw, sy + sh, null);
    }

    /** Draws wrapped text across the poster's width from {@code top}; returns the y below it. */
    private static int paragraph(Graphics2D g, Font f, Color color, String text, int top, int lineHeight,
                                 int maxLines, int bottom) {
        int fitting = Math.max(1, Math.min(maxLines, (bottom - top) / lineHeight));
        return wrapped(g, f, color, text, MARGIN, WIDTH - 2 * MARGIN, top, lineHeight, fitting);
    }

    private static int wrapped(Graphics2D g, Font f, Color color, String text, int left, int width, int top,
                               int lineHeight, int maxLines) {
        g.setFont(f);
        g.setColor(color);
        FontMetrics fm = g.getFontMetrics();
        int y = top;
        for (String line : wrap(text, fm, width, maxLines)) {
            g.drawString(line, left, y + fm.getAscent());
            y += lineHeight;
        }
        return y;
    }

    /**
     * Lines of at most {@code width} pixels, broken where the language allows (between any two Chinese characters,
     * between words of Latin text), a word too long for a line cut anywhere; past {@code maxLines} the last line ends
     * in "…".
     */
    static List<String> wrap(String text, FontMetrics fm, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        String s = text.strip().replaceAll("\\s+", " ");
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.CHINESE);
        breaks.setText(s);
        StringBuilder line = new StringBuilder();
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String piece = s.substring(start, end);
            if (fm.stringWidth(line + piece.stripTrailing()) <= width) {
                line.append(piece);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            while (fm.stringWidth(piece.stripTrailing()) > width) {
                int cut = fitting(piece, fm, width);
                lines.add(piece.substring(0, cut));
                piece = piece.substring(cut);
            }
            line.append(piece);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        while (!last.isEmpty() && fm.stringWidth(last + "…") > width) {
            last = last.substring(0, last.offsetByCodePoints(last.length(), -1));
        }
        kept.set(maxLines - 1, last + "…");
        return kept;
    }

    /** How many chars of {@code s} (whole code points, at least one) fit in {@code width}. */
    private static int fitting(String s, FontMetrics fm, int width) {
        int end = s.offsetByCodePoints(0, 1);
        while (end < s.length()) {
            int next = s.offsetByCodePoints(end, 1);
            if (fm.stringWidth(s.substring(0, next)) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** The QR code in whole pixels per module, black on white, so a phone camera reads it from a printed copy too. */
    private static void drawQr(Graphics2D g, String url, int left, int top) {
        boolean[][] m = QrCodes.modules(url);
        int cell = Math.max(1, QR_SIZE / m.length);
        int size = cell * m.length;
        int x0 = left + (QR_SIZE - size) / 2;
        int y0 = top + (QR_SIZE - size) / 2;
        g.setColor(Color.WHITE);
        g.fillRect(left, top, QR_SIZE, QR_SIZE);
        g.setColor(Color.BLACK);
        for (int row = 0; row < m.length; row++) {
            for (int col = 0; col < m[row].length; col++) {
                if (m[row][col]) {
                    g.fillRect(x0 + col * cell, y0 + row * cell, cell, cell);
                }
            }
        }
    }
}
