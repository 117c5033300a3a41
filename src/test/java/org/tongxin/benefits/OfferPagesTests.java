package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.benefits.internal.Offers;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;

/**
 * The offers' pages through MockMvc: the member's list, claiming and the voucher with its QR code; the partner's check
 * page without a log-in; the officers' desk with each refused form (nothing saved) and another unit's officer kept out.
 */
class OfferPagesTests extends PageTestSupport {

    @Autowired
    Offers offers;
    @Autowired
    MembershipSetup membership;

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aMemberClaimsAndShowsTheQrAndThePartnerRedeemsWithoutAnAccount() throws Exception {
        OfferPeople p = OfferPeople.of(fixtures, orgSetup, membership, "页面普惠工会", 2);
        Offers.Published published = offers.publish(p.chair(), new Offers.Draft(p.unitId(), "蒲江体检中心", "体检 6 折",
                "每周一至周六", "HEALTH", LocalDate.now().toString(), LocalDate.now().plusDays(30).toString(), "10"));
        Viewer member = p.members().get(0);
        String list = page("/benefits/offers", member);
        assertThat(list).contains("体检 6 折", "蒲江体检中心", "claim-" + published.id(), "剩余 10 / 10 张");
        assertThat(page("/benefits/offers", p.outsider())).contains("id=\"not-member\"")
                .doesNotContain("claim-" + published.id());

        MvcResult claimed = mvc.perform(post("/benefits/offers/" + published.id() + "/claim").with(csrf())
                .with(Fixtures.as(member))).andReturn();
        assertThat(claimed.getResponse().getStatus()).isEqualTo(302);
        String voucherUrl = claimed.getResponse().getRedirectedUrl();
        assertThat(voucherUrl).startsWith("/benefits/vouchers/");
        assertThat(outcome(post("/benefits/offers/" + published.id() + "/claim"), member))
                .isEqualTo("error:benefits.offer.error.holdsOne");
        assertThat(outcome(post("/benefits/offers/" + published.id() + "/claim"), p.outsider()))
                .isEqualTo("error:benefits.offer.error.notEligible");
        assertThat(count("SELECT count(*) FROM benefits_voucher WHERE offer_id = ?", published.id())).isOne();

        String voucher = page(voucherUrl, member);
        String code = jdbc.sql("SELECT code FROM benefits_voucher WHERE offer_id = ?").param(published.id())
                .query(String.class).single();
        assertThat(voucher).contains("<svg", "/benefits/vouchers/check/" + code, "体检 6 折");
        assertThat(status(get(voucherUrl), p.members().get(1))).as("someone else's voucher").isEqualTo(404);

        // The partner's phone: no account.
        MockHttpServletResponse check = perform(get("/benefits/vouchers/check/" + code));
        String checkPage = check.getContentAsString(StandardCharsets.UTF_8);
        assertThat(check.getStatus()).isEqualTo(200);
        String name = p.rows().get(1).name();
        assertThat(checkPage).contains("体检 6 折", "蒲江体检中心", name.substring(0, 1) + "*", "redeem-form")
                .doesNotContain(name).doesNotContain(p.rows().get(1).employeeNo());
        assertThat(perform(get("/benefits/vouchers/check/ABCDEFGHJKMNPQRSTUVW")).getStatus()).isEqualTo(404);
        assertThat(perform(get("/benefits/vouchers/check/nonsense")).getStatus()).isEqualTo(404);

        String wrong = published.pin().equals("000000") ? "111111" : "000000";
        String refused = perform(post("/benefits/vouchers/check/" + code).param("pin", wrong).with(csrf()))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("核销码错误", "还可以再试 4 次");
        String redeemed = perform(post("/benefits/vouchers/check/" + code).param("pin", published.pin()).with(csrf()))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(redeemed).contains("核销成功").doesNotContain("redeem-form");
        String second = perform(post("/benefits/vouchers/check/" + code).param("pin", published.pin()).with(csrf()))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).contains("无效：已于").doesNotContain("核销成功");
        assertThat(count("SELECT count(*) FROM benefits_voucher WHERE offer_id = ? AND redeemed_at IS NOT NULL",
                published.id())).isOne();
        assertThat(page(voucherUrl, member)).contains("已使用").doesNotContain("<svg");
        assertThat(page("/benefits/offers", member)).contains("my-voucher-");
    }

    @Test
    void theOfficersDeskPublishesRefusesBadFormsAndKeepsOtherUnitsOut() throws Exception {
        OfferPeople p = OfferPeople.of(fixtures, orgSetup, membership, "页面管理工会", 1);
        OfferPeople other = OfferPeople.of(fixtures, orgSetup, membership, "页面他人工会", 1);
        assertThat(page("/benefits/offers/manage/new", p.chair())).contains("offer-form", p.unit().unit().name());
        assertThat(status(get("/benefits/offers/manage"), p.members().get(0))).as("an employee").isIn(403, 404);

        long before = count("SELECT count(*) FROM benefits_offer");
        String[][] bad = {
                {"title", "", "请填写优惠内容"},
                {"partner", " ", "请填写合作商家"},
                {"quota", "0", "请填写名额"},
                {"quota", "many", "请填写名额"},
                {"validUntil", "2020-01-01", "截止日期"},
                {"validFrom", "not-a-date", "请填写开始和截止日期"},
                {"category", "MONEY", "请选择类别"},
        };
        for (String[] b : bad) {
            java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
            form.put("unitId", Long.toString(p.unitId()));
            form.put("partner", "青城山景区");
            form.put("title", "门票 5 折");
            form.put("category", "TICKETS");
            form.put("validFrom", LocalDate.now().toString());
            form.put("validUntil", LocalDate.now().plusDays(9).toString());
            form.put("quota", "50");
            form.put(b[0], b[1]);
            var request = post("/benefits/offers/manage");
            form.forEach(request::param);
            MockHttpServletResponse r = perform(request.with(csrf()).with(Fixtures.as(p.chair())));
            assertThat(r.getStatus()).as("%s=%s", b[0], b[1]).isEqualTo(200);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as("%s=%s", b[0], b[1]).contains(b[2], b[0].equals("partner") ? "门票 5 折" : "青城山景区");
        }
        assertThat(status(post("/benefits/offers/manage").param("unitId", Long.toString(other.unitId()))
                .param("partner", "青城山景区").param("title", "门票 5 折").param("category", "TICKETS")
                .param("validFrom", LocalDate.now().toString()).param("validUntil", LocalDate.now().plusDays(9).toString())
                .param("quota", "50"), p.chair())).as("for another unit").isEqualTo(404);
        assertThat(count("SELECT count(*) FROM benefits_offer")).as("nothing saved").isEqualTo(before);

        MvcResult published = mvc.perform(post("/benefits/offers/manage").param("unitId", Long.toString(p.unitId()))
                .param("partner", "青城山景区").param("title", "门票 5 折").param("category", "TICKETS")
                .param("validFrom", LocalDate.now().toString()).param("validUntil", LocalDate.now().plusDays(9).toString())
                .param("quota", "50").with(csrf()).with(Fixtures.as(p.chair()))).andReturn();
        assertThat(published.getResponse().getStatus()).isEqualTo(302);
        String offerUrl = published.getResponse().getRedirectedUrl();
        assertThat((String) published.getFlashMap().get("pin")).matches("\\d{6}");
        long id = Long.parseLong(offerUrl.substring(offerUrl.lastIndexOf('/') + 1));
        assertThat(page("/benefits/offers/manage", p.chair())).contains("manage-offer-" + id, "名额 50 · 已领 0 · 已用 0");
        assertThat(page(offerUrl, p.chair())).contains("edit-box", "fig-quota", "withdraw");

        assertThat(status(get(offerUrl), other.chair())).isEqualTo(404);
        assertThat(status(post(offerUrl + "/withdraw"), other.chair())).isEqualTo(404);
        assertThat(status(post(offerUrl + "/pin"), other.chair())).isEqualTo(404);
        assertThat(page("/benefits/offers/manage", other.chair())).doesNotContain("manage-offer-" + id);

        assertThat(outcome(post(offerUrl).param("unitId", Long.toString(p.unitId())).param("partner", "青城山景区")
                .param("title", "门票 4 折").param("category", "TICKETS").param("validFrom", LocalDate.now().toString())
                .param("validUntil", LocalDate.now().plusDays(9).toString()).param("quota", "40"), p.chair()))
                .isEqualTo("flash:benefits.offer.edited");
        MockHttpServletResponse badEdit = perform(post(offerUrl).param("unitId", Long.toString(p.unitId()))
                .param("partner", "青城山景区").param("title", "门票 3 折").param("category", "TICKETS")
                .param("validFrom", LocalDate.now().toString()).param("validUntil", LocalDate.now().plusDays(9).toString())
                .param("quota", "-1").with(csrf()).with(Fixtures.as(p.chair())));
        assertThat(badEdit.getContentAsString(StandardCharsets.UTF_8)).contains("请填写名额", "门票 3 折");
        assertThat(offers.find(id).orElseThrow().title()).isEqualTo("门票 4 折");
        assertThat(outcome(post(offerUrl + "/pin"), p.chair())).isEqualTo("flash:benefits.offer.newPin");

        long voucher = offers.claim(p.members().get(0), id);
        assertThat(status(post(offerUrl + "/vouchers/" + voucher + "/redeem"), other.chair())).isEqualTo(404);
        assertThat(outcome(post(offerUrl + "/vouchers/" + voucher + "/redeem"), p.chair()))
                .isEqualTo("flash:benefits.offer.markedUsed");
        assertThat(outcome(post(offerUrl + "/vouchers/" + voucher + "/redeem"), p.chair()))
                .isEqualTo("error:benefits.offer.error.usedAlready");
        assertThat(page(offerUrl, p.chair())).contains("holder-" + voucher).doesNotContain("edit-box");
        assertThat(outcome(post(offerUrl + "/withdraw"), p.chair())).isEqualTo("flash:benefits.offer.withdrawn");
        assertThat(outcome(post(offerUrl + "/withdraw"), p.chair())).isEqualTo("error:benefits.offer.error.withdrawn");
    }

    @Test
    void theHomeAndMeCardsShowOffersToClaimAndUsableVouchers() throws Exception {
        OfferPeople p = OfferPeople.of(fixtures, orgSetup, membership, "卡片普惠工会", 1);
        Viewer member = p.members().get(0);
        offers.publish(p.chair(), new Offers.Draft(p.unitId(), "蒲江超市", "购物 9 折", "", "SHOPPING",
                LocalDate.now().toString(), LocalDate.now().plusDays(30).toString(), "10"));
        assertThat(page("/", member)).contains("offers-home");
        assertThat(page("/me", member)).contains("vouchers-me");
    }
}
