package org.tongxin.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Photos for tests, drawn on the spot. */
public final class Pictures {

    private Pictures() {
    }

    /** A picture whose left half is red and right half blue, as {@code format} (png, jpg) bytes. */
    public static byte[] picture(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int x = 0; x < width; x++) {
            row[x] = x < width / 2 ? Color.RED.getRGB() : Color.BLUE.getRGB();
        }
        for (int y = 0; y < height; y++) {
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code count} JPEG photos of decreasing width written to temporary files, as a file input takes them. */
    public static String photoFiles(int count) throws IOException {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = Files.createTempFile("活动照片" + i, ".jpg");
            Files.write(file, picture(1600 - i * 300, 1200, "jpg"));
            paths.add(file.toAbsolutePath().toString());
        }
        return String.join("\n", paths);
    }

    /** The JPEG with an EXIF segment saying how to turn it, as a phone writes it. */
    public static byte[] withOrientation(byte[] jpeg, int orientation, boolean bigEndian) {
        byte[] tiff = bigEndian
                ? new byte[]{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0}
                : new byte[]{'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0,
                0, 0, 0, 0};
        int length = 2 + 6 + tiff.length;
        byte[] segment = new byte[2 + length];
        segment[0] = (byte) 0xFF;
        segment[1] = (byte) 0xE1;
        segment[2] = (byte) (length >> 8);
        segment[3] = (byte) length;
        System.arraycopy(new byte[]{'E', 'x', 'i', 'f', 0, 0}, 0, segment, 4, 6);
        System.arraycopy(tiff, 0, segment, 10, tiff.length);
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }
}
