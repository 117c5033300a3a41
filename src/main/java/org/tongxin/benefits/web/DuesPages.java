package org.tongxin.benefits.web;

import java.util.List;
import java.util.stream.IntStream;

/** What the dues pages share: the years one may pick (this one and the four before). */
final class DuesPages {

    private DuesPages() {
    }

    static List<Integer> years(int thisYear) {
        return IntStream.rangeClosed(0, 4).map(i -> thisYear - i).boxed().toList();
    }

    static int year(Integer asked, int thisYear) {
        return asked == null || asked < 2000 || asked > thisYear ? thisYear : asked;
    }
}
