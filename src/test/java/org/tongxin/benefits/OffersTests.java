package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.benefits.internal.Offers;
import org.tongxin.benefits.internal.VoucherRules;
import org.tongxin.benefits.internal.Vouchers;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Offers end to end on the services: publishing tells the subtree, members claim once each within the quota, a rush
 * on the last vouchers never oversells, the partner redeems once with the PIN, wrong PINs lock, withdrawing voids and
 * tells the holders, editing stops at the first claim, and every officer action is audited and scoped.
 */
class OffersTests extends IntegrationTestSupport {

    @Autowired
    Offers offers;
    @Autowired
    Vouchers vouchers;
    @Autowired
    MembershipSetup membership;

    private Offers.Draft draft(long unitId, String title, int quota) {
        return new Offers.Draft(unitId, "蒲江县人民医院", title, "凭券预约", "HEALTH", LocalDate.now().minusDays(1).toString(),
                LocalDate.now().plusMonths(1).toString(), Integer.toString(quota));
    }

    private String code(long voucherId) {
        return jdbc.sql("SELECT code FROM benefits_voucher WHERE id = ?").param(voucherId).query(String.class).single();
    }

    @Test
    void membersClaimOnceThePartnerRedeemsOnceAndWithdrawingVoidsTheRest() {
        OfferPeople p = OfferPeople.of(fixtures, orgSetup, membership, "普惠工会", 3);
        Offers.Published published = offers.publish(p.chair(), draft(p.unitId(), "体检套餐 6 折", 2));
        assertThat(published.pin()).matches("\\d{6}");
        assertThat(jdbc.sql("SELECT pin_hash FROM benefits_offer WHERE id = ?").param(published.id())
                .query(String.class).single()).doesNotContain(published.pin());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'benefits.offer.publish' AND target_id = ?")
                .param(Long.toString(published.id())).query(Long.class).single()).isOne();
        Awaitility.await("the subtree is told").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(p.members().get(0).employeeId(), "新的会员普惠：体检套餐 6 折").query(Long.class).single() == 1);

        assertThat(offers.openTo(p.members().get(0))).extracting(f -> f.offer().id()).contains(published.id());
        assertThat(offers.openTo(p.outsider())).as("not a member").isEmpty();
        assertThatThrownBy(() -> offers.claim(p.outsider(), published.id())).isInstanceOf(Refusal.class)
                .hasMessage("benefits.offer.error.notEligible");

        long first = offers.claim(p.members().get(0), published.id());
        assertThatThrownBy(() -> offers.claim(p.members().get(0), published.id())).isInstanceOf(Refusal.class)
                .hasMessage("benefits.offer.error.holdsOne");
        long second = offers.claim(p.members().get(1), published.id());
        assertThatThrownBy(() -> offers.claim(p.members().get(2), published.id())).isInstanceOf(Refusal.class)
                .hasMessage("benefits.offer.error.allClaimed");
        assertThat(offers.find(published.id()).orElseThrow().claimed()).isEqualTo(2);
        assertThatThrownBy(() -> offers.edit(p.chair(), published.id(), draft(p.unitId(), "改了", 5)))
                .isInstanceOf(Refusal.class).hasMessage("benefits.offer.error.claimedAlready");

        // The partner: a wrong PIN, then the right one; a second redeem says when it was used.
        Vouchers.Check check = vouchers.check(code(first)).orElseThrow();
        assertThat(check.voucher().state()).isEqualTo(VoucherRules.State.VALID);
        assertThat(check.maskedHolder()).endsWith("*").hasSize(2);
        String wrong = published.pin().equals("000000") ? "111111" : "000000";
        Vouchers.Redeem bad = vouchers.redeem(code(first), wrong);
        assertThat(bad.outcome()).isEqualTo(Vouchers.Outcome.WRONG_PIN);
        assertThat(bad.triesLeft()).isEqualTo(VoucherRules.MAX_WRONG_PINS - 1);
        assertThat(vouchers.redeem(code(first), "12").outcome()).isEqualTo(Vouchers.Outcome.BAD_PIN);
        Vouchers.Redeem ok = vouchers.redeem(code(first), published.pin());
        assertThat(ok.outcome()).isEqualTo(Vouchers.Outcome.REDEEMED);
        Vouchers.Redeem again = vouchers.redeem(code(first), published.pin());
        assertThat(again.outcome()).isEqualTo(Vouchers.Outcome.NOT_REDEEMABLE);
        assertThat(again.check().voucher().state()).isEqualTo(VoucherRules.State.USED);
        assertThat(again.check().voucher().redeemedAt()).isNotNull();

        // Withdrawn: the unused voucher is void and its holder told; the used one stays used.
        assertThatThrownBy(() -> offers.withdraw(p.members().get(2), published.id()))
                .isInstanceOf(OutOfScopeException.class);
        assertThat(offers.withdraw(p.chair(), published.id())).isOne();
        assertThat(vouchers.check(code(second)).orElseThrow().voucher().state()).isEqualTo(VoucherRules.State.WITHDRAWN);
        assertThat(vouchers.redeem(code(second), published.pin()).outcome()).isEqualTo(Vouchers.Outcome.NOT_REDEEMABLE);
        assertThat(vouchers.check(code(first)).orElseThrow().voucher().state()).isEqualTo(VoucherRules.State.USED);
        assertThatThrownBy(() -> offers.withdraw(p.chair(), published.id())).isInstanceOf(Refusal.class);
        Awaitility.await("the holder is told").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(p.members().get(1).employeeId(), "优惠已撤回：体检套餐 6 折").query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(p.members().get(0).employeeId(), "优惠已撤回：体检套餐 6 折").query(Long.class).single())
                .as("the one who used theirs is not told").isZero();
        assertThat(offers.openTo(p.members().get(2))).extracting(f -> f.offer().id()).doesNotContain(published.id());
    }

    @Test
    void wrongPinsLockTheVoucherForAWhileEvenForTheRightPin() {
        OfferPeople p = OfferPeople.of(fixtures, orgSetup, membership, "锁定工会", 1);
        Offers.Published published = offers.publish(p.chair(), draft(p.unitId(), "门票 5 折", 5));
        String code = code(offers.claim(p.members().get(0), published.id()));
        String wrong = published.pin().equals("000000") ? "111111" : "000000";
        for (int i = 1; i < VoucherRules.MAX_WRONG_PINS; i++) {
            assertThat(vouchers.redeem(code, wrong).outcome()).isEqualTo(Vouchers.Outcome.WRONG_PIN);
        }
        Vouchers.Redeem locking = vouchers.redeem(code, wrong);
        assertThat(locking.outcome()).isEqualTo(Vouchers.Outcome.NOT_REDEEMABLE);
        assertThat(locking.check().voucher().state()).isEqualTo(VoucherRules.State.LOCKED);
        assertThat(vouchers.redeem(code, published.pin()).outcome()).as("locked: even the right PIN waits")
                .isEqualTo(Vouchers.Outcome.NOT_REDEEMABLE);
        assertThat(jdbc.sql("SELECT redeemed_at IS NULL FROM benefits_voucher WHERE code = ?").param(code)
                .query(Boolean.class).single()).isTrue();
        // Fifteen minutes later.
        jdbc.sql("UPDATE benefits_voucher SET locked_until = now() - interval '1 second' WHERE code = ?").param(code)
                .update();
        assertThat(vouchers.redeem(code, published.pin()).outcome()).isEqualTo(Vouchers.Outcome.REDEEMED);
    }

    @Test
    void editingBeforeAnyClaimAndMarkingUsedAreTheOfficersOnlyAndAudited() {
        OfferPeople p = OfferPeople.of(fixtures, orgSetup, membership, "修改工会", 1);
        OfferPeople other = OfferPeople.of(fixtures, orgSetup, membership, "别的工会", 1);
        Offers.Published published = offers.publish(p.chair(), draft(p.unitId(), "超市购物卡 95 折", 3));
        assertThatThrownBy(() -> offers.edit(other.chair(), published.id(), draft(other.unitId(), "越权", 3)))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> offers.edit(p.chair(), published.id(), draft(other.unitId(), "别的单位", 3)))
                .as("for a unit outside the officer's subtree").isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> offers.edit(p.chair(), published.id(), draft(p.unitId(), "", 3)))
                .isInstanceOf(Refusal.class).hasMessage("benefits.offer.error.title");
        offers.edit(p.chair(), published.id(), draft(p.unitId(), "超市购物卡 9 折", 4));
        assertThat(offers.find(published.id()).orElseThrow()).extracting(Offers.Offer::title, Offers.Offer::quota)
                .containsExactly("超市购物卡 9 折", 4);
        assertThat(offers.openTo(other.members().get(0))).extracting(f -> f.offer().id())
                .doesNotContain(published.id());
        assertThatThrownBy(() -> offers.claim(other.members().get(0), published.id()))
                .isInstanceOf(NotFoundException.class);

        long voucher = offers.claim(p.members().get(0), published.id());
        assertThatThrownBy(() -> offers.markUsed(other.chair(), published.id(), voucher))
                .isInstanceOf(OutOfScopeException.class);
        offers.markUsed(p.chair(), published.id(), voucher);
        assertThatThrownBy(() -> offers.markUsed(p.chair(), published.id(), voucher)).isInstanceOf(Refusal.class)
                .hasMessage("benefits.offer.error.usedAlready");
        assertThat(jdbc.sql("SELECT redeemed_by FROM benefits_voucher WHERE id = ?").param(voucher)
                .query(String.class).single()).isEqualTo("OFFICER");
        assertThat(offers.redeemed(published.id())).isOne();
        assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_event WHERE target_id IN (?, ?)"
                        + " AND action LIKE 'benefits.offer.%'")
                .params(Long.toString(published.id()), Long.toString(voucher)).query(String.class).single())
                .isEqualTo("benefits.offer.publish,benefits.offer.edit,benefits.offer.redeem");
        assertThat(offers.forOfficer(p.chair())).extracting(r -> r.offer().id()).contains(published.id());
        assertThat(offers.forOfficer(other.chair())).extracting(r -> r.offer().id()).doesNotContain(published.id());
        assertThat(offers.holders(p.chair(), published.id(), 0, 50).items()).singleElement()
                .satisfies(h -> assertThat(h.name()).startsWith("测试"));
    }

    @Test
    void aRushOnTheLastVouchersNeverOversellsAndNobodyGetsTwo() throws Exception {
        int quota = 5;
        OfferPeople p = OfferPeople.of(fixtures, orgSetup, membership, "抢券工会", 16);
        Offers.Published published = offers.publish(p.chair(), draft(p.unitId(), "景区门票 5 折", quota + 2));
        // Two are gone already: the rush is on the last five.
        offers.claim(p.members().get(14), published.id());
        offers.claim(p.members().get(15), published.id());
        List<Viewer> presses = new ArrayList<>(p.members().subList(0, 14));
        presses.addAll(p.members().subList(0, 6));
        Collections.shuffle(presses);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (Viewer v : presses) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    offers.claim(v, published.id());
                    return true;
                } catch (Refusal e) {
                    assertThat(e.messageKey()).isIn("benefits.offer.error.allClaimed", "benefits.offer.error.holdsOne");
                    return false;
                }
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> r : results) {
            won += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(quota);
        assertThat(offers.find(published.id()).orElseThrow().claimed()).isEqualTo(quota + 2);
        assertThat(jdbc.sql("SELECT count(*), count(DISTINCT employee_id) FROM benefits_voucher WHERE offer_id = ?")
                .param(published.id()).query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .containsExactly((long) quota + 2, (long) quota + 2);
    }
}
