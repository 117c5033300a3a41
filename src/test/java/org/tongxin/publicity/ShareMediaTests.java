package org.tongxin.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Pictures, covers, videos and QR posters as readers' phones fetch them: served only for items the reader may
 * open, cacheable by anyone for public items and by no one for previews, videos in byte ranges, and a poster
 * whose QR code a phone reads as the page's address.
 */
class ShareMediaTests extends IntegrationTestSupport {

    @Autowired
    PublicityService publicity;
    @Autowired
    PublicityMedia media;

    ShareFixtures at;

    @BeforeEach
    void aUnitThatPublishes() {
        at = new ShareFixtures(fixtures, orgSetup, publicity, media, "素材工会", 1);
    }

    private MockHttpServletResponse open(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void picturesAndCoversOfAPublicItemAreCacheableAndAnInternalItemsOnlyByTheReader() throws Exception {
        long id = at.draft("职工运动会圆满落幕", "NEWS", false);
        PublicityMedia.Picture picture = media.addPicture(at.writer, id, ShareFixtures.picture(1600, 1200, Color.RED));
        at.publish(id);

        MockHttpServletResponse thumb = open(get(picture.thumbUrl()));
        assertThat(thumb.getStatus()).isEqualTo(200);
        assertThat(thumb.getContentType()).isEqualTo("image/jpeg");
        assertThat(thumb.getHeader("Cache-Control")).contains("public", "max-age=3600");
        assertThat(ImageIO.read(new ByteArrayInputStream(thumb.getContentAsByteArray())).getWidth()).isEqualTo(320);
        assertThat(open(get("/publicity/pictures/" + picture.id() + "/original")).getStatus()).isEqualTo(404);

        MockHttpServletResponse cover = open(get("/p/" + id + "/cover"));
        assertThat(cover.getStatus()).isEqualTo(200);
        assertThat(cover.getHeader("Cache-Control")).contains("public");
        MockHttpServletResponse coverThumb = open(get("/p/" + id + "/thumb"));
        assertThat(ImageIO.read(new ByteArrayInputStream(cover.getContentAsByteArray())).getWidth()).isEqualTo(1080);
        assertThat(ImageIO.read(new ByteArrayInputStream(coverThumb.getContentAsByteArray())).getWidth()).isEqualTo(320);

        long internal = at.published("内部：班组长培训名单", "NOTICE", true);
        assertThat(open(get("/p/" + internal + "/cover")).getStatus()).isEqualTo(404);
        MockHttpServletResponse employeeCover = open(get("/p/" + internal + "/thumb").with(as(at.people.getFirst())));
        assertThat(employeeCover.getStatus()).isEqualTo(200);
        assertThat(employeeCover.getHeader("Cache-Control")).contains("private").doesNotContain("public");
    }

    @Test
    void aVideoPlaysInByteRangesOnceItIsPublishedAndNotBefore() throws Exception {
        Path clip = Files.createTempFile("clip", ".mp4");
        long id;
        try {
            Files.write(clip, new ClassPathResource("training/clip.mp4").getContentAsByteArray());
            id = media.createVideo(at.writer, new Items.Draft("VIDEO", "一分钟了解职工书屋", "书屋怎么借书", "",
                    "CULTURE", at.unit.unit().id(), "https://www.douyin.com/user/tongxin", false), clip);
        } finally {
            Files.deleteIfExists(clip);
        }
        String video = "/publicity/items/" + id + "/video";
        assertThat(open(get(video)).getStatus()).isEqualTo(404);
        assertThat(open(get(video).with(as(at.outsider))).getStatus()).isEqualTo(404);
        MockHttpServletResponse preview = open(get(video).with(as(at.writer)));
        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(preview.getHeader("Cache-Control")).contains("no-store");

        at.publish(id);
        long size = Files.size(media.video(publicity.managed(at.writer, id)).orElseThrow().file());
        MockHttpServletResponse part = open(get(video).header("Range", "bytes=0-99"));
        assertThat(part.getStatus()).isEqualTo(206);
        assertThat(part.getContentType()).isEqualTo("video/mp4");
        assertThat(part.getHeader("Content-Range")).isEqualTo("bytes 0-99/" + size);
        assertThat(part.getContentAsByteArray()).hasSize(100);
        assertThat(open(get(video)).getContentAsByteArray()).hasSize((int) size);

        String page = open(get("/p/" + id)).getContentAsString(StandardCharsets.UTF_8);
        HtmlDoc doc = HtmlDoc.parse(page);
        HtmlDoc.Element player = doc.id("item-video");
        assertThat(player.attr("src")).isEqualTo(video);
        assertThat(player.attrs()).containsKeys("controls", "playsinline").containsEntry("preload", "metadata");
        assertThat(doc.id("item-external").attr("href")).isEqualTo("https://www.douyin.com/user/tongxin");
        assertThat(doc.id("item-external").text()).isEqualTo("在抖音观看");
        if (publicity.managed(at.writer, id).posterKey() != null) {
            assertThat(player.attr("poster")).isEqualTo("/p/" + id + "/cover");
            MockHttpServletResponse poster = open(get("/publicity/items/" + id + "/poster"));
            assertThat(poster.getStatus()).isEqualTo(200);
            assertThat(poster.getContentType()).isEqualTo("image/jpeg");
        }
    }

    @Test
    void thePosterIsAPhoneSizedPngWhoseQrCodeIsThePagesAddressAndItsDownloadCountsAsAShare() throws Exception {
        long id = at.published("关于开展“安康杯”知识竞赛的通知，请各分会于月底前组织职工报名参加", "NOTICE", false);

        MockHttpServletResponse response = open(get("/p/" + id + "/poster.png"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("image/png");
        BufferedImage poster = ImageIO.read(new ByteArrayInputStream(response.getContentAsByteArray()));
        assertThat(poster.getWidth()).isEqualTo(750);
        assertThat(poster.getHeight()).isEqualTo(1334);
        assertThat(qr(poster)).isEqualTo("http://localhost/p/" + id);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "publicity-poster.png"), response.getContentAsByteArray());
        // The cover is on top: its orange, not the plain band drawn without one.
        assertThat(new Color(poster.getRGB(20, 20)).getRed()).isGreaterThan(200);
        assertThat(new Color(poster.getRGB(20, 20)).getBlue()).isLessThan(80);
        assertThat(jdbc.sql("SELECT sum(count) FROM publicity_share WHERE item_id = ? AND channel = 'POSTER'")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    static String qr(BufferedImage image) throws Exception {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
                Map.of(DecodeHintType.TRY_HARDER, true)).getText();
    }
}
