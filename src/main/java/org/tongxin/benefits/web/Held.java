package org.tongxin.benefits.web;

import org.tongxin.benefits.internal.Welfare;
import org.tongxin.benefits.internal.WelfarePackage;
import org.tongxin.benefits.internal.WelfareRound;

/** A round as the member sees it on a list, with the package they hold now (null while they have not picked). */
record Held(Welfare.MemberView v, WelfarePackage pack) {

    static Held of(Welfare.MemberView v) {
        Long id = v.mine().packageId();
        return new Held(v, id == null ? null
                : v.packages().stream().filter(p -> p.id() == id).findFirst().orElse(null));
    }

    public WelfareRound round() {
        return v.round();
    }

    public Welfare.Entitlement mine() {
        return v.mine();
    }
}
