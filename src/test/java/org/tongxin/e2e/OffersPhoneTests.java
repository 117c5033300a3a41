package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;

/**
 * Member offers on a 375-px phone: the station's chair publishes an offer and sees the partner's PIN once; a member
 * claims a voucher and its QR code shows; the partner's staff, with no account, open the check page, redeem it with the
 * PIN, and a second redeem of the same voucher is refused with the day it was used. Every page fits the phone.
 */
class OffersPhoneTests extends JourneyTestSupport {

    @Autowired
    MembershipSetup membership;

    @Test
    void aMemberClaimsAndThePartnerRedeemsOnceOnThePhone() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("普惠手机收费站");
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow member = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "offers-phone.csv", List.of(chair, member));
        long chairAccount = fixtures.withPassword(chair, "Puhui2026chair");
        fixtures.chair(chairAccount, unit.unit().id(), false);
        fixtures.withPassword(member, "Puhui2026member");
        membership.enrol(fixtures.employeeId(member.employeeNo()), unit.unit().id(), LocalDate.now().minusYears(2));

        WebDriver browser = Browser.phone();
        logIn(browser, chair.employeeNo(), "Puhui2026chair");
        browser.get(url("/benefits/offers/manage"));
        Browser.tap(browser, browser.findElement(By.id("new-offer")));
        browser.findElement(By.id("offer-partner")).sendKeys("蒲江县人民医院体检中心");
        browser.findElement(By.id("offer-title")).sendKeys("职工体检套餐 6 折");
        browser.findElement(By.id("offer-description")).sendKeys("凭券预约，周一至周六上午。");
        browser.findElement(By.id("offer-quota")).sendKeys("20");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("offer-publish"));
        String pin = browser.findElement(By.id("pin")).getText().strip();
        assertThat(pin).matches("\\d{6}");
        assertThat(browser.findElement(By.id("offer-figures")).getText()).contains("20");
        Browser.screenshot(browser, "o1-offer-published");
        Browser.assertFitsThePhone(browser);

        logIn(browser, member.employeeNo(), "Puhui2026member");
        browser.get(url("/benefits/offers"));
        WebElement offer = browser.findElement(By.xpath("//section[contains(@id, 'offer-')][contains(., '职工体检套餐 6 折')]"));
        String offerId = offer.getAttribute("id").substring("offer-".length());
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("claim-" + offerId));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("领取成功");
        assertThat(browser.findElements(By.cssSelector("#voucher-qr svg"))).hasSize(1);
        String code = browser.findElement(By.id("voucher-code")).getText().strip();
        String checkUrl = browser.findElement(By.id("check-link")).getAttribute("href");
        assertThat(checkUrl).endsWith("/benefits/vouchers/check/" + code);
        Browser.screenshot(browser, "o2-voucher-qr");
        Browser.assertFitsThePhone(browser);

        // The partner's phone scans the QR: no account, no session of the member's.
        browser.manage().deleteAllCookies();
        browser.get(url("/benefits/vouchers/check/" + code));
        assertThat(browser.findElement(By.id("check-state")).getText()).contains("有效");
        assertThat(browser.findElement(By.id("check-holder")).getText()).isEqualTo(member.name().substring(0, 1) + "*");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(member.name())
                .doesNotContain(member.employeeNo());
        browser.findElement(By.id("pin")).sendKeys(pin);
        Browser.send(browser, By.id("redeem"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("核销成功");
        assertThat(browser.findElement(By.id("check-state")).getText()).startsWith("已于").endsWith("核销。");
        assertThat(browser.findElements(By.id("redeem-form"))).isEmpty();
        Browser.screenshot(browser, "o3-redeemed");
        Browser.assertFitsThePhone(browser);

        // The same voucher sent again (a second scan, an old page resubmitted): refused, with the day it was used.
        WebElement main = browser.findElement(By.tagName("main"));
        ((JavascriptExecutor) browser).executeScript("""
                const f = document.createElement('form');
                f.method = 'post';
                f.action = arguments[0];
                for (const [k, v] of [['pin', arguments[1]],
                        ['_csrf', document.querySelector('meta[name=_csrf]').content]]) {
                  const i = document.createElement('input');
                  i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i);
                }
                document.body.appendChild(f);
                f.submit();""", "/benefits/vouchers/check/" + code, pin);
        new WebDriverWait(browser, java.time.Duration.ofSeconds(15)).until(d -> {
            try {
                main.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                return true;
            }
        });
        assertThat(browser.findElement(By.id("check-state")).getText()).contains("无效：已于", LocalDate.now().toString());
        assertThat(browser.findElements(By.id("flash"))).isEmpty();
        Browser.assertFitsThePhone(browser);
    }
}
