package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.benefits.BenefitsHistory;
import org.tongxin.benefits.DuesCollected;
import org.tongxin.benefits.VoucherUse;
import org.tongxin.benefits.WelfareSiteTotals;

/**
 * Benefits as points: each site of a welfare round on its opening day (members, budget, spend, collected), each
 * voucher on the days it was given and used, each unit's dues on the month's first day.
 */
@Component
class BenefitsFacts implements Source {

    private final Facts facts;
    private final BenefitsHistory history;

    BenefitsFacts(Facts facts, BenefitsHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replayWelfare(this::apply);
        history.replayVouchers(this::apply);
        history.replayDues(this::apply);
    }

    @ApplicationModuleListener
    void on(WelfareSiteTotals site) {
        apply(site);
    }

    @ApplicationModuleListener
    void on(VoucherUse voucher) {
        apply(voucher);
    }

    @ApplicationModuleListener
    void on(DuesCollected dues) {
        apply(dues);
    }

    void apply(WelfareSiteTotals s) {
        String id = s.roundId() + ":" + s.siteId();
        List<Fact> list = List.of(
                Fact.point(BenefitsKinds.WELFARE_MEMBERS, id, s.siteId(), null, s.title(), s.openedOn(),
                        BigDecimal.valueOf(s.members())),
                Fact.point(BenefitsKinds.WELFARE_BUDGET, id, s.siteId(), null, s.title(), s.openedOn(), s.budget()),
                Fact.point(BenefitsKinds.WELFARE_SPEND, id, s.siteId(), null, s.title(), s.openedOn(), s.spend()),
                Fact.point(BenefitsKinds.WELFARE_COLLECTED, id, s.siteId(), null, s.title(), s.openedOn(),
                        BigDecimal.valueOf(s.collected())));
        facts.replace("welfare:" + id, s.version(), list);
    }

    void apply(VoucherUse v) {
        String id = Long.toString(v.voucherId());
        List<Fact> list = new ArrayList<>();
        list.add(Fact.point(BenefitsKinds.VOUCHER_ISSUED, id, v.unitId(), null, v.kind(), v.issuedOn(), null));
        if (v.usedOn() != null) {
            list.add(Fact.point(BenefitsKinds.VOUCHER_USED, id, v.unitId(), null, v.kind(), v.usedOn(), null));
        }
        facts.replace("voucher:" + id, v.version(), list);
    }

    void apply(DuesCollected d) {
        String id = d.unitId() + ":" + d.month();
        List<Fact> list = d.payers() == 0 ? List.of() : List.of(
                Fact.point(BenefitsKinds.DUES, id, d.unitId(), null, null, d.month(), d.amount()),
                Fact.point(BenefitsKinds.DUES_PAYERS, id, d.unitId(), null, null, d.month(),
                        BigDecimal.valueOf(d.payers())));
        facts.replace("dues:" + id, d.version(), list);
    }
}
