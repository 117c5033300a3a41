package org.tongxin.publicity;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.tongxin.org.OrgSetup;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;

/**
 * A unit with a writer, a reviewer, an officer of another unit and a few employees, and items written, published
 * or withdrawn there: what the tests of the readers' side start from.
 */
final class ShareFixtures {

    /** Accounts of writers and reviewers (not real accounts: the workflow only compares them). */
    private static final AtomicLong OFFICER_ACCOUNTS = new AtomicLong(2_000_000);

    final Fixtures.UnitWithDepartment unit;
    final Viewer writer;
    final Viewer reviewer;
    final Viewer outsider;
    final List<OrgSetup.HrRow> rows;
    final List<Viewer> people;
    private final PublicityService publicity;
    private final PublicityMedia media;

    ShareFixtures(Fixtures fixtures, OrgSetup orgSetup, PublicityService publicity, PublicityMedia media, String name,
                  int employees) {
        this.publicity = publicity;
        this.media = media;
        unit = fixtures.grassroots(name);
        writer = officer("写稿人", unit.unit().id());
        reviewer = officer("审核人", unit.unit().id());
        outsider = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots(name + "旁站").unit().id());
        publicity.nameReviewer(writer, unit.unit().id(), reviewer.accountId());
        rows = IntStream.range(0, employees).mapToObj(i -> Fixtures.row(unit.departmentCode())).toList();
        if (!rows.isEmpty()) {
            orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), name + ".csv", rows);
        }
        people = rows.stream().map(r -> {
            long id = fixtures.employeeId(r.employeeNo());
            return Fixtures.employee(fixtures.accountId(id), id);
        }).toList();
    }

    static Viewer officer(String name, long unitId) {
        return new Viewer(OFFICER_ACCOUNTS.incrementAndGet(), null, name, Set.of(Role.OFFICER), Set.of(unitId),
                Set.of(), false);
    }

    /** An article with a cover, not yet submitted, in {@code unitId} (the fixture's unit or one below it). */
    long draft(String title, String category, boolean internal, String body, long unitId) {
        long id = publicity.create(writer, new Items.Draft("ARTICLE", title, "", body, category, unitId, null, internal),
                null);
        media.setCover(writer, id, picture(1200, 675, Color.ORANGE));
        return id;
    }

    long draft(String title, String category, boolean internal) {
        return draft(title, category, internal, "<p>" + title + "。工会为一线职工办实事。</p>", unit.unit().id());
    }

    long published(String title, String category, boolean internal) {
        long id = draft(title, category, internal);
        publish(id);
        return id;
    }

    void publish(long id) {
        publicity.submit(writer, id);
        publicity.approve(reviewer, id, null);
    }

    void withdraw(long id) {
        publicity.withdraw(writer, id, "信息有误");
    }

    static byte[] picture(int w, int h, Color color) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
