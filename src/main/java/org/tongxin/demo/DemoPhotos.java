package org.tongxin.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Pictures for the demo's galleries and honours, drawn in code so nothing is downloaded: a soft colour
 * gradient with circles of light and a caption in Chinese (WenQuanYi Micro Hei, which the machines have;
 * the JDK's own sans-serif elsewhere).
 */
final class DemoPhotos {

    private static final String FONT = "WenQuanYi Micro Hei";

    private DemoPhotos() {
    }

    static byte[] photo(String caption, Color from, Color to, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, from, width, height, to));
            g.fillRect(0, 0, width, height);
            Random random = new Random(seed);
            int small = Math.min(width, height);
            for (int i = 0; i < 8; i++) {
                int d = small / 6 + random.nextInt(small / 2);
                g.setColor(new Color(255, 255, 255, 20 + random.nextInt(45)));
                g.fillOval(random.nextInt(width) - d / 2, random.nextInt(height) - d / 2, d, d);
            }
            int band = height / 5;
            g.setColor(new Color(0, 0, 0, 80));
            g.fillRect(0, height - band, width, band);
            Font font = new Font(FONT, Font.BOLD, Math.max(12, Math.min(band / 2, width * 8 / 10 / Math.max(1, caption.length()))));
            if (font.canDisplayUpTo(caption) != -1) {
                font = new Font(Font.SANS_SERIF, Font.BOLD, font.getSize());
            }
            g.setFont(font);
            g.setColor(Color.WHITE);
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(caption, (width - metrics.stringWidth(caption)) / 2,
                    height - band + (band + metrics.getAscent() - metrics.getDescent()) / 2);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
