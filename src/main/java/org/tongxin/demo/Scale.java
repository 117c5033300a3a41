package org.tongxin.demo;

/**
 * How big a generated enterprise is: the demo a newcomer sees, and the two benchmark scales of
 * BENCHMARKS.md. {@code fanOut} gives the number of children per unit at each level below the root.
 */
public enum Scale {
    DEMO(2_000, null),
    ENTERPRISE(50_000, new int[]{12, 8, 4}),
    PROVINCE(1_000_000, new int[]{20, 10, 10, 9});

    private final int employees;
    private final int[] fanOut;

    Scale(int employees, int[] fanOut) {
        this.employees = employees;
        this.fanOut = fanOut;
    }

    public int employees() {
        return employees;
    }

    int[] fanOut() {
        return fanOut.clone();
    }
}
