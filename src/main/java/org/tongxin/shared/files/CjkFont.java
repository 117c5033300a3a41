package org.tongxin.shared.files;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The TrueType CJK font found on the machine for Chinese drawn outside the browser: certificates (PDF) and
 * publicity posters (PNG). {@code tongxin.cjk-font} names one (the older {@code tongxin.training.cjk-font} still
 * counts); else the first of the fonts Debian ships that is installed.
 */
@Component
public class CjkFont {

    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);
    /** TrueType-outlined CJK fonts Debian ships (PDFBox embeds TrueType outlines, not CFF). */
    static final List<String> CANDIDATES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private final Optional<Path> file;
    private volatile Font awt;

    CjkFont(@Value("${tongxin.cjk-font:${tongxin.training.cjk-font:}}") String configured) {
        Stream<String> paths = configured.isBlank() ? CANDIDATES.stream() : Stream.of(configured.strip());
        this.file = paths.map(Path::of).filter(Files::isReadable).findFirst();
    }

    /** The font file (a single font or a collection, {@code .ttc}, whose first font is meant). */
    public Optional<Path> file() {
        return file;
    }

    /**
     * The font for drawing with Java2D. Without a font file, the logical SansSerif font, which the JDK maps to an
     * installed CJK font through fontconfig where there is one (else Chinese comes out as boxes).
     */
    public Font awt(int style, float size) {
        Font base = awt;
        if (base == null) {
            base = file.map(CjkFont::load).orElseGet(() -> new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            awt = base;
        }
        return base.deriveFont(style, size);
    }

    private static Font load(Path path) {
        try {
            return Font.createFonts(path.toFile())[0];
        } catch (IOException | FontFormatException e) {
            log.warn("Could not load the CJK font {}: drawing with SansSerif", path, e);
            return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        }
    }
}
