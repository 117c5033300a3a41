package org.tongxin.benefits.internal;

import java.math.BigDecimal;

/** A package members may pick in a round, e.g. 粮油礼包 from a supplier; {@code taken} never exceeds {@code stock}. */
public record WelfarePackage(long id, long roundId, String name, String description, BigDecimal price,
                             String supplier, int stock, int taken, int position) {

    public int left() {
        return stock - taken;
    }
}
