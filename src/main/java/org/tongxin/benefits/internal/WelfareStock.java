package org.tongxin.benefits.internal;

import java.util.List;
import org.tongxin.shared.web.Refusal;

/**
 * The stock rule of holiday welfare: no package is ever given beyond its stock. Since members who do not pick get
 * the default package when the window closes, the default must be stocked for every member of the round: whatever
 * the others pick, the defaults then always fit. Picks take stock by a conditional update ({@code taken < stock})
 * that the database checks as well.
 */
public final class WelfareStock {

    private WelfareStock() {
    }

    /** Before a round opens: packages, a default among them, and the default stocked for all {@code members}. */
    public static void checkOpening(int members, List<WelfarePackage> packages, Long defaultPackageId) {
        if (members <= 0) {
            throw new Refusal("benefits.welfare.error.noMembers");
        }
        if (packages.isEmpty()) {
            throw new Refusal("benefits.welfare.error.noPackages");
        }
        WelfarePackage chosen = packages.stream().filter(p -> defaultPackageId != null && p.id() == defaultPackageId)
                .findFirst().orElseThrow(() -> new Refusal("benefits.welfare.error.noDefault"));
        if (chosen.stock() < members) {
            throw new Refusal("benefits.welfare.error.defaultStock");
        }
    }

    /** A new stock may not fall below what members have already taken, nor below all members for the default. */
    public static void checkRestock(WelfarePackage pack, int stock, boolean isDefault, int members, boolean open) {
        if (stock < 0 || stock > 1_000_000) {
            throw new Refusal("benefits.welfare.error.stock");
        }
        if (stock < pack.taken()) {
            throw new Refusal("benefits.welfare.error.stockBelowTaken");
        }
        if (open && isDefault && stock < members) {
            throw new Refusal("benefits.welfare.error.defaultStock");
        }
    }
}
