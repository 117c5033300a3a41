package org.tongxin.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Pictures;

class PhotosTests {

    private static BufferedImage read(Photos.Sized sized) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(sized.jpeg()));
    }

    @Test
    void aLargePhotoBecomesAThumbnailAndAPhoneSizeJpeg() throws IOException {
        Photos.Prepared p = Photos.resize(Pictures.picture(2400, 1800, "png"));
        assertThat(p.thumbnail().width()).isEqualTo(320);
        assertThat(p.thumbnail().height()).isEqualTo(240);
        assertThat(p.image().width()).isEqualTo(1080);
        assertThat(p.image().height()).isEqualTo(810);
        BufferedImage thumb = read(p.thumbnail());
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(240);
        assertThat(new Color(thumb.getRGB(40, 120)).getRed()).isGreaterThan(200);
        assertThat(new Color(thumb.getRGB(280, 120)).getBlue()).isGreaterThan(200);
        assertThat(Arrays.copyOf(p.image().jpeg(), 2)).containsExactly(0xFF, 0xD8);
    }

    @Test
    void aSmallPhotoIsNeverEnlargedAndAVeryTallOneFitsTwiceItsWidth() throws IOException {
        Photos.Prepared small = Photos.resize(Pictures.picture(200, 100, "jpg"));
        assertThat(small.thumbnail().width()).isEqualTo(200);
        assertThat(small.image().width()).isEqualTo(200);
        Photos.Prepared tall = Photos.resize(Pictures.picture(400, 4000, "png"));
        assertThat(tall.thumbnail().height()).isEqualTo(640);
        assertThat(tall.thumbnail().width()).isEqualTo(64);
    }

    @Test
    void aPortraitPhoneJpegIsTurnedUprightByItsExifOrientation() throws IOException {
        byte[] jpeg = Pictures.picture(800, 400, "jpg");
        assertThat(ExifOrientation.of(jpeg)).isEqualTo(1);
        for (boolean bigEndian : new boolean[]{true, false}) {
            byte[] rotated = Pictures.withOrientation(jpeg, 6, bigEndian);
            assertThat(ExifOrientation.of(rotated)).isEqualTo(6);
            Photos.Prepared p = Photos.resize(rotated);
            assertThat(p.thumbnail().width()).isEqualTo(320);
            assertThat(p.thumbnail().height()).isEqualTo(640);
            // Turned clockwise: the red left half of the stored picture is now the top.
            BufferedImage thumb = read(p.thumbnail());
            assertThat(new Color(thumb.getRGB(160, 100)).getRed()).isGreaterThan(200);
            assertThat(new Color(thumb.getRGB(160, 540)).getBlue()).isGreaterThan(200);
        }
        BufferedImage eight = read(Photos.resize(Pictures.withOrientation(jpeg, 8, true)).thumbnail());
        assertThat(new Color(eight.getRGB(160, 100)).getBlue()).isGreaterThan(200);
    }

    @Test
    void brokenExifDataCountsAsUpright() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 20, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0,
                42, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0};
        assertThat(ExifOrientation.of(jpeg)).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F})).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(1);
    }

    @Test
    void aFileThatLooksLikeAnImageButDoesNotDecodeIsRefused() throws IOException {
        byte[] png = Pictures.picture(100, 100, "png");
        byte[] cut = Arrays.copyOf(png, 40);
        assertThatThrownBy(() -> Photos.resize(cut)).hasMessage("results.photo.unreadable");
    }

    @Test
    void aWebpPhotoIsReadToo() throws IOException {
        // The smallest lossless WebP: 1 x 1, one white pixel.
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        Photos.Prepared p = Photos.resize(webp);
        assertThat(p.thumbnail().width()).isEqualTo(1);
    }
}
