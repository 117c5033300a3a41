package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.care.CareSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * On a phone: an employee applies for hardship aid with a photo of a hospital bill and sees it in their
 * list; the unit's officer finds it on the home tab and approves it, and records the payment of another.
 */
class AidJourneyTests extends JourneyTestSupport {

    @Autowired
    CareSetup setup;

    /** An account with a password of its own, and for an officer the post and care right at {@code unitId}. */
    private void account(OrgSetup.HrRow row, String password, Long unitId) {
        long account = fixtures.withPassword(row, password);
        if (unitId != null) {
            fixtures.chair(account, unitId, true);
        }
    }

    private static Path billPhoto() throws Exception {
        BufferedImage image = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 160);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Hospital bill 3000.00", 20, 80);
        g.dispose();
        Path file = Files.createTempFile("住院票据", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void anEmployeeAppliesWithAPhotoOnAPhoneAndTheOfficerApproves() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("帮扶旅程工会");
        OrgSetup.HrRow applicant = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "aid-e2e.csv", List.of(applicant, chair));
        account(applicant, "Bangfu2026x", null);
        account(chair, "Zhuxi2026xx", unit.unit().id());
        Path photo = billPhoto();

        WebDriver browser = Browser.phone();
        Browser.logIn(browser, url(""), applicant.employeeNo(), "Bangfu2026x");
        Browser.tap(browser, browser.findElement(By.id("aid-link")));
        new Select(browser.findElement(By.id("aid-category"))).selectByValue("ILLNESS");
        browser.findElement(By.id("aid-amount")).sendKeys("3000");
        browser.findElement(By.id("aid-situation")).sendKeys("父亲住院手术，自付医药费三万元，家中只有我一人有收入。");
        browser.findElement(By.id("aid-files")).sendKeys(photo.toAbsolutePath().toString());
        Browser.screenshot(browser, "31-aid-form");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("aid-submit")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("申请已提交");
        long aidId = jdbc.sql("SELECT id FROM care_aid WHERE employee_id = ?")
                .param(fixtures.employeeId(applicant.employeeNo())).query(Long.class).single();
        var card = browser.findElement(By.id("aid-" + aidId));
        assertThat(card.getText()).contains("大病 · ¥3,000.00").contains("已提交").contains("正在审核");
        Browser.tap(browser, card.findElement(By.tagName("summary")));
        assertThat(card.findElement(By.className("aid-files")).getText()).contains(photo.getFileName().toString());
        Browser.screenshot(browser, "32-aid-mine");
        Browser.assertFitsThePhone(browser);

        Browser.logIn(browser, url(""), chair.employeeNo(), "Zhuxi2026xx");
        assertThat(browser.findElement(By.id("aid-queue-link")).getText()).contains("1 件待您审核");
        Browser.tap(browser, browser.findElement(By.id("aid-queue-link")));
        Browser.screenshot(browser, "33-aid-list");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.cssSelector("a[href='/care/aid/" + aidId + "']")));
        assertThat(browser.findElement(By.id("aid-situation")).getText()).contains("父亲住院手术");
        browser.findElement(By.id("review-comment")).sendKeys("家访属实，同意按申请金额帮扶。");
        Browser.screenshot(browser, "34-aid-review");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("review-approve")));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("审核意见已保存");
        assertThat(browser.findElement(By.id("aid-progress")).getText()).contains("工会委员会");

        long approved = setup.aid(fixtures.employeeId(applicant.employeeNo()), unit.unit().id(), LocalDate.now().minusDays(20),
                "EDUCATION", new BigDecimal("4000"), "孩子考上大学，学费不足。", fixtures.adminAccountId(),
                List.of(CareSetup.AidDecision.approval(fixtures.adminAccountId(), "工会委员", true, "3500", "同意")), null, null);
        browser.get(url("/care/aid/" + approved));
        new Select(browser.findElement(By.id("pay-method"))).selectByValue("TRANSFER");
        Browser.screenshot(browser, "35-aid-pay");
        Browser.assertFitsThePhone(browser);
        Browser.tap(browser, browser.findElement(By.id("pay-submit")));
        assertThat(browser.findElement(By.id("aid-progress")).getText()).contains("已发放 ¥3,500.00，转账");
    }
}
