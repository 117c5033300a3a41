package org.tongxin.activity.web;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/** The years a volunteering page offers: this one and the four before it. */
final class Years {

    private static final int SHOWN = 5;

    private Years() {
    }

    static List<Integer> choices() {
        int thisYear = LocalDate.now().getYear();
        return IntStream.range(0, SHOWN).map(i -> thisYear - i).boxed().toList();
    }

    /** The year asked for when it is one of the choices, else this year. */
    static int shown(Integer year) {
        return year != null && choices().contains(year) ? year : LocalDate.now().getYear();
    }
}
