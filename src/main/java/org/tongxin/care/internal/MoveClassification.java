package org.tongxin.care.internal;

/**
 * Up, lateral, down or out: leaving the enterprise in any form (dismissal, end of contract, early
 * retirement, secondment, posting away) is out; otherwise the grade levels decide, and a change of
 * post at the same level is lateral.
 */
public final class MoveClassification {

    public enum Direction { UP, LATERAL, DOWN, OUT }

    private MoveClassification() {
    }

    /**
     * @param fromLevel level of the grade before the move
     * @param toLevel   level after, null when the employee leaves the enterprise
     */
    public static Direction classify(int fromLevel, Integer toLevel) {
        if (toLevel == null) {
            return Direction.OUT;
        }
        if (toLevel > fromLevel) {
            return Direction.UP;
        }
        return toLevel < fromLevel ? Direction.DOWN : Direction.LATERAL;
    }

    /** Only moves that cost the employee something open a care case. */
    public static boolean needsCare(Direction direction) {
        return direction == Direction.DOWN || direction == Direction.OUT;
    }
}
