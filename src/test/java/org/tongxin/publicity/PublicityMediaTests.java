package org.tongxin.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.tongxin.org.OrgSetup;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityReading;
import org.tongxin.publicity.internal.PublicityReading.Access;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.publicity.internal.Readership;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** Pictures, covers and videos of items; who may open what; reads counted once per reader; internal reach. */
class PublicityMediaTests extends IntegrationTestSupport {

    @Autowired
    PublicityService publicity;
    @Autowired
    PublicityMedia media;
    @Autowired
    PublicityReading reading;
    @Autowired
    Readership readership;
    @Autowired
    OrgSetup orgSetup;

    Fixtures.UnitWithDepartment unit;
    Viewer writer;
    Viewer reviewer;
    Viewer outsider;
    List<Viewer> people;

    @BeforeEach
    void aUnitWithPeople() {
        unit = fixtures.grassroots("宣传素材工会");
        writer = new Viewer(1_000_011, null, "写稿人", Set.of(Role.OFFICER), Set.of(unit.unit().id()), Set.of(), false);
        reviewer = new Viewer(1_000_012, null, "审核人", Set.of(Role.OFFICER), Set.of(unit.unit().id()), Set.of(), false);
        outsider = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("宣传素材旁站").unit().id());
        publicity.nameReviewer(writer, unit.unit().id(), reviewer.accountId());
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(unit.departmentCode()), Fixtures.row(unit.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "publicity.csv", rows);
        people = rows.stream().map(r -> {
            long id = fixtures.employeeId(r.employeeNo());
            return Fixtures.employee(fixtures.accountId(id), id);
        }).toList();
    }

    static byte[] png(int w, int h, Color color) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private long article(boolean internal) {
        return publicity.create(writer, new Items.Draft("ARTICLE", "收费站开展安全月活动", "", "<p>正文</p>", "NEWS",
                unit.unit().id(), null, internal), null);
    }

    @Test
    void picturesAndCoverAreStoredResizedAndOnlyWhileTheItemIsBeingWritten() throws IOException {
        long id = article(false);
        PublicityMedia.Picture pic = media.addPicture(writer, id, png(2400, 1600, Color.ORANGE));
        assertThat(pic.width()).isEqualTo(1080);
        assertThat(media.picture(pic.id(), true).orElseThrow().content()).isNotEmpty();
        assertThat(media.itemOfPicture(pic.id())).contains(id);
        assertThatThrownBy(() -> media.addPicture(outsider, id, png(10, 10, Color.RED)))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> media.addPicture(writer, id, "not a picture".getBytes()))
                .isInstanceOf(Refusal.class);
        assertThat(media.pictures(id)).extracting(PublicityMedia.Picture::id).containsExactly(pic.id());

        media.setCover(writer, id, png(1200, 630, Color.BLUE));
        publicity.submit(writer, id);
        assertThatThrownBy(() -> media.addPicture(writer, id, png(10, 10, Color.RED)))
                .isInstanceOf(Refusal.class).hasMessage("publicity.error.notEditable");
        publicity.approve(reviewer, id, null);
        assertThat(media.cover(reading.open(null, id).item())).isPresent();
    }

    @Test
    void aVideoItemKeepsItsFileLengthAndPosterAndAFileThatIsNoVideoIsRefused() throws IOException {
        Path clip = Files.createTempFile("clip", ".mp4");
        try {
            Files.write(clip, new ClassPathResource("training/clip.mp4").getContentAsByteArray());
            long id = media.createVideo(writer, new Items.Draft("VIDEO", "一分钟看懂职工书屋", "", "", "CULTURE",
                    unit.unit().id(), "https://www.douyin.com/user/example", false), clip);
            Items.Item item = reading.open(writer, id).item();
            assertThat(item.kind()).isEqualTo("VIDEO");
            assertThat(media.video(item)).isPresent();
            if (item.posterKey() != null) {
                assertThat(media.cover(item)).isPresent();
            }
            Files.writeString(clip, "%PDF-1.4 not a video");
            assertThatThrownBy(() -> media.createVideo(writer, new Items.Draft("VIDEO", "坏文件", "", "", "CULTURE",
                    unit.unit().id(), null, false), clip)).isInstanceOf(RuntimeException.class);
        } finally {
            Files.deleteIfExists(clip);
        }
    }

    @Test
    void draftsArePreviewsForTheirOfficersAndReviewersAndUnknownToEveryoneElse() throws IOException {
        long id = article(false);
        assertThat(reading.open(writer, id).access()).isEqualTo(Access.PREVIEW);
        assertThat(reading.open(reviewer, id).access()).isEqualTo(Access.PREVIEW);
        assertThatThrownBy(() -> reading.open(outsider, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reading.open(null, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reading.open(people.getFirst(), id)).isInstanceOf(NotFoundException.class);

        media.setCover(writer, id, png(600, 400, Color.GREEN));
        publicity.submit(writer, id);
        publicity.approve(reviewer, id, null);
        assertThat(reading.open(null, id).access()).isEqualTo(Access.READ);
        publicity.withdraw(writer, id, "信息有误");
        assertThat(reading.open(null, id).access()).isEqualTo(Access.WITHDRAWN);
        assertThat(reading.open(null, id).mediaAllowed()).isFalse();
    }

    @Test
    void readsCountOncePerReaderAndInternalNoticesShowWhoHasNotReadThem() throws IOException {
        long id = article(true);
        media.setCover(writer, id, png(600, 400, Color.GREEN));
        publicity.submit(writer, id);
        publicity.approve(reviewer, id, null);
        assertThat(reading.open(null, id).access()).isEqualTo(Access.LOGIN_FIRST);
        PublicityReading.Opened opened = reading.open(people.getFirst(), id);
        assertThat(reading.countRead(opened, people.getFirst(), null)).isTrue();
        assertThat(reading.countRead(opened, people.getFirst(), null)).isFalse();
        assertThat(readership.figures(id).readers()).isEqualTo(1);
        assertThat(reading.readersByUnit(id)).containsEntry(unit.unit().id(), 1L);

        PublicityReading.Reach reach = reading.internalReach(writer, id, unit.unit().id());
        assertThat(reach.read()).containsExactly(people.getFirst().employeeId());
        assertThat(reach.notRead()).containsExactly(people.get(1).employeeId());
        assertThatThrownBy(() -> reading.internalReach(outsider, id, unit.unit().id()))
                .isInstanceOf(RuntimeException.class);

        long open = article(false);
        media.setCover(writer, open, png(600, 400, Color.GREEN));
        publicity.submit(writer, open);
        publicity.approve(reviewer, open, null);
        PublicityReading.Opened anon = reading.open(null, open);
        assertThat(reading.countRead(anon, null, "cookie-1")).isTrue();
        assertThat(reading.countRead(anon, null, "cookie-1")).isFalse();
        assertThat(reading.countRead(anon, null, "cookie-2")).isTrue();
        assertThat(readership.figures(open).readers()).isEqualTo(2);
        assertThatThrownBy(() -> reading.internalReach(writer, open, unit.unit().id()))
                .isInstanceOf(NotFoundException.class);
    }
}
