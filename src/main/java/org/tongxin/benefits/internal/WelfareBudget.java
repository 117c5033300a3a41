package org.tongxin.benefits.internal;

import java.math.BigDecimal;
import org.tongxin.shared.web.Refusal;

/**
 * The budget rule of holiday welfare: the committee caps what one member's holiday welfare may cost in a year; a
 * round's budget per member must fit under that cap together with the other rounds the same member is in that year;
 * every package costs at most the budget per member. Since each member takes one package, a round can then never
 * spend more than members × budget per member, its budget.
 */
public final class WelfareBudget {

    private WelfareBudget() {
    }

    /** A package's price must be positive and within the budget per member. */
    public static void checkPrice(BigDecimal price, BigDecimal budgetPerMember) {
        if (price == null || price.signum() <= 0) {
            throw new Refusal("benefits.welfare.error.price");
        }
        if (price.compareTo(budgetPerMember) > 0) {
            throw new Refusal("benefits.welfare.error.priceOverBudget");
        }
    }

    /** A budget per member must be positive and not above the year's cap on its own. */
    public static void checkBudgetPerMember(BigDecimal budgetPerMember, BigDecimal cap) {
        if (budgetPerMember == null || budgetPerMember.signum() <= 0) {
            throw new Refusal("benefits.welfare.error.budget");
        }
        if (cap == null) {
            throw new Refusal("benefits.welfare.error.noCap");
        }
        if (budgetPerMember.compareTo(cap) > 0) {
            throw new Refusal("benefits.welfare.error.overCap");
        }
    }

    /**
     * When a round opens: {@code mostUsed} is the largest sum of budgets per member of the year's other open or
     * closed rounds over any one of this round's members; this round on top of it must stay within the cap.
     */
    public static void checkOpening(BigDecimal budgetPerMember, BigDecimal cap, BigDecimal mostUsed) {
        checkBudgetPerMember(budgetPerMember, cap);
        if (mostUsed.add(budgetPerMember).compareTo(cap) > 0) {
            throw new Refusal("benefits.welfare.error.overCapWithOthers");
        }
    }

    /** What a round may spend at most: one package of at most the budget per member for each member. */
    public static BigDecimal roundBudget(BigDecimal budgetPerMember, int members) {
        return budgetPerMember.multiply(BigDecimal.valueOf(members));
    }
}
