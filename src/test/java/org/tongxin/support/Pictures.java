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
}
