package org.tongxin.training.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tongxin.shared.files.CjkFont;
import org.tongxin.shared.web.QrCodes;

/**
 * A certificate as an A4 landscape PDF, with the Chinese text in a CJK TrueType font found on the machine (embedded
 * as a subset) and the QR code of its check page drawn as vector squares. Without such a font there is no PDF: the
 * printable page stays, and the link to the PDF is not shown.
 */
@Component
public class CertificatePdf {

    /** What a certificate says, in the words to print. */
    public record Content(String heading, String holder, String achievement, String title, List<String> facts,
                          String verifyUrl) {
    }

    private static final Logger log = LoggerFactory.getLogger(CertificatePdf.class);

    private final Optional<Path> font;

    CertificatePdf(CjkFont cjk) {
        this.font = cjk.file();
        if (font.isEmpty()) {
            log.warn("No CJK font found: certificates are offered as printable pages only, without PDF");
        }
    }

    public boolean available() {
        return font.isPresent();
    }

    public byte[] render(Content c) {
        Path file = font.orElseThrow(() -> new IllegalStateException("no CJK font"));
        TrueTypeCollection collection = null;
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f;
            if (file.toString().endsWith(".ttc")) {
                // The collection stays open until the document is saved: the subset is taken from it then.
                collection = new TrueTypeCollection(file.toFile());
                f = PDType0Font.load(doc, firstOf(collection), true);
            } else {
                f = PDType0Font.load(doc, file.toFile());
            }
            PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                draw(out, f, c, a4.getWidth(), a4.getHeight());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("certificate PDF", e);
        } finally {
            closeQuietly(collection);
        }
    }

    private static void draw(PDPageContentStream out, PDType0Font f, Content c, float w, float h) throws IOException {
        out.setStrokingColor(0.78f, 0.06f, 0.18f);
        out.setLineWidth(4);
        out.addRect(24, 24, w - 48, h - 48);
        out.stroke();
        out.setLineWidth(1);
        out.addRect(34, 34, w - 68, h - 68);
        out.stroke();
        out.setNonStrokingColor(0.78f, 0.06f, 0.18f);
        centred(out, f, 34, c.heading(), w, h - 110);
        out.setNonStrokingColor(0, 0, 0);
        centred(out, f, 26, c.holder(), w, h - 180);
        centred(out, f, 14, c.achievement(), w, h - 220);
        centred(out, f, 22, c.title(), w, h - 262);
        float y = h - 320;
        for (String fact : c.facts()) {
            text(out, f, 12, fact, 90, y);
            y -= 22;
        }
        float qrSize = 130;
        qr(out, c.verifyUrl(), w - 90 - qrSize, 70, qrSize);
        text(out, f, 8, c.verifyUrl(), w - 90 - f.getStringWidth(printable(f, c.verifyUrl())) / 1000 * 8, 56);
    }

    private static TrueTypeFont firstOf(TrueTypeCollection collection) throws IOException {
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(ttf -> {
            if (first[0] == null) {
                first[0] = ttf;
            }
        });
        return first[0];
    }

    private static void closeQuietly(TrueTypeCollection collection) {
        if (collection == null) {
            return;
        }
        try {
            collection.close();
        } catch (IOException e) {
            log.warn("Could not close the font collection", e);
        }
    }

    private static void centred(PDPageContentStream out, PDType0Font f, float size, String s, float pageWidth, float y)
            throws IOException {
        // A long title is set smaller until it fits between the borders.
        float room = pageWidth - 120;
        float natural = f.getStringWidth(printable(f, s)) / 1000 * size;
        float fitted = Math.min(size, size * room / Math.max(1, natural));
        float width = natural / size * fitted;
        text(out, f, fitted, s, (pageWidth - width) / 2, y);
    }

    private static void text(PDPageContentStream out, PDType0Font f, float size, String s, float x, float y)
            throws IOException {
        out.beginText();
        out.setFont(f, size);
        out.newLineAtOffset(x, y);
        out.showText(printable(f, s));
        out.endText();
    }

    /** The text with every character the font lacks (an emoji in a title) shown as "?", rather than no PDF at all. */
    static String printable(PDType0Font f, String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                f.encode(c);
                out.append(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static void qr(PDPageContentStream out, String url, float x, float y, float size) throws IOException {
        boolean[][] m = QrCodes.modules(url);
        float cell = size / m.length;
        out.setNonStrokingColor(0, 0, 0);
        for (int row = 0; row < m.length; row++) {
            for (int col = 0; col < m[row].length; col++) {
                if (m[row][col]) {
                    out.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        out.fill();
    }
}
