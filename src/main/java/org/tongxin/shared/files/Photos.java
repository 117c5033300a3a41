package org.tongxin.shared.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.springframework.stereotype.Component;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.web.Refusal;

/**
 * Photos for galleries and honours: each upload is checked by its bytes, turned upright by its EXIF
 * orientation and re-encoded as two JPEGs, a thumbnail and a phone-size image (never enlarged), with
 * plain javax.imageio and Java2D. The original is not kept: re-encoding drops its EXIF data (the place
 * and the phone it was taken with) and whatever else was hidden in the file.
 */
@Component
public class Photos {

    /** Largest upload accepted, per photo. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int THUMB_WIDTH = 320;
    public static final int IMAGE_WIDTH = 1080;
    /** Pictures at most twice as tall as wide are shown whole; taller ones are scaled to fit that box. */
    private static final int TALLEST = 2;
    /** A 200-megapixel source is refused before it is decoded (a decompression bomb looks like one). */
    private static final long MAX_SOURCE_PIXELS = 120_000_000L;
    /** What is held in memory after decoding (subsampled): about 160 MB at most. */
    private static final long MAX_DECODED_PIXELS = 40_000_000L;

    /** A JPEG made from an upload, with its size in pixels. */
    public record Sized(byte[] jpeg, int width, int height) {
    }

    /** An upload checked and resized, not stored yet. */
    public record Prepared(Sized thumbnail, Sized image) {
    }

    /** The stored keys of a prepared photo. */
    public record Stored(String thumbKey, int thumbWidth, int thumbHeight, String imageKey, int imageWidth,
                         int imageHeight) {
    }

    private final FileStore files;

    Photos(FileStore files) {
        this.files = files;
    }

    /**
     * Checks and resizes an upload without storing anything, so that every photo of a form can be checked
     * before the first is written.
     */
    public Prepared prepare(byte[] upload) {
        files.imageType(upload, MAX_BYTES);
        return resize(upload);
    }

    /** Both sizes of a picture whose type has been checked. */
    static Prepared resize(byte[] upload) {
        BufferedImage upright = upright(decode(upload), ExifOrientation.of(upload));
        return new Prepared(scaled(upright, THUMB_WIDTH, 0.8f), scaled(upright, IMAGE_WIDTH, 0.85f));
    }

    /** Stores both sizes in {@code folder}; inside a transaction they are deleted again if it rolls back. */
    public Stored store(String folder, Prepared photo) {
        String thumb = files.storeImage(folder, photo.thumbnail().jpeg(), MAX_BYTES);
        String image = files.storeImage(folder, photo.image().jpeg(), MAX_BYTES);
        return new Stored(thumb, photo.thumbnail().width(), photo.thumbnail().height(), image, photo.image().width(),
                photo.image().height());
    }

    /**
     * Decodes, reading only every n-th pixel of a picture much larger than needed, so that a 50-megapixel
     * photo never sits in memory at full size.
     */
    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refusal("results.photo.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_SOURCE_PIXELS) {
                    throw new Refusal("results.photo.tooBig");
                }
                int step = (int) Math.max(1, Math.min(width, height) / (2L * IMAGE_WIDTH));
                if ((width / step) * (height / step) > MAX_DECODED_PIXELS) {
                    throw new Refusal("results.photo.tooBig");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            // A file that starts like an image but does not decode (cut off, CMYK JPEG, broken data).
            throw new Refusal("results.photo.unreadable");
        }
    }

    /** An RGB copy turned by the EXIF orientation (1 upright … 8), transparency on white. */
    static BufferedImage upright(BufferedImage source, int orientation) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swapped = orientation >= 5;
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        BufferedImage out = new BufferedImage(swapped ? h : w, swapped ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(source, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Fits the picture into {@code width} × twice that, halving step by step first: one bicubic step from far
     * above the target skips most pixels and looks grainy.
     */
    static Sized scaled(BufferedImage upright, int width, float quality) {
        double scale = Math.min(1.0, Math.min((double) width / upright.getWidth(),
                (double) width * TALLEST / upright.getHeight()));
        int targetW = Math.max(1, (int) Math.round(upright.getWidth() * scale));
        int targetH = Math.max(1, (int) Math.round(upright.getHeight() * scale));
        BufferedImage current = upright;
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() != targetW || current.getHeight() != targetH) {
            current = draw(current, targetW, targetH, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }
        return new Sized(jpeg(current, quality), targetW, targetH);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a JPEG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
