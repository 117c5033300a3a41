package org.tongxin.support;

import java.util.concurrent.atomic.AtomicLong;

/** Valid ISBNs for tests that no demo title uses (the demo's all start 978-7). */
public final class Books {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 10_000_000L);

    private Books() {
    }

    /** A fresh ISBN-13 starting 979-1. */
    public static String isbn13() {
        String body = "9791" + String.format("%08d", SERIAL.incrementAndGet() % 100_000_000L);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    /** A fresh ISBN-10 with hyphens, as printed in older books; its ISBN-13 starts 978-2. */
    public static String isbn10() {
        String nine = "2" + String.format("%08d", SERIAL.incrementAndGet() % 100_000_000L);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return nine.charAt(0) + "-" + nine.substring(1, 5) + "-" + nine.substring(5) + "-" + (check == 10 ? "X" : check);
    }
}
