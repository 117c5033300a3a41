package org.tongxin.activity.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.OptionalInt;

/**
 * Service hours kept as whole minutes and shown as hours with up to two decimals, and the year they count
 * for: the year the shift started in, in the server's time zone.
 */
public final class ServiceHours {

    /** At most a day per person per shift: a shift is never longer. */
    public static final int MAX_MINUTES = 24 * 60;

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private ServiceHours() {
    }

    /** {@code 270} → {@code "4.5"}. */
    public static String format(long minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * Hours as typed ({@code 4}, {@code 4.5}, {@code 2.25}) to minutes; empty when it is not a number of hours
     * from 0 to 24 with at most two decimals.
     */
    public static OptionalInt parse(String hours) {
        try {
            BigDecimal h = new BigDecimal(hours.strip());
            if (h.scale() > 2 || h.signum() < 0 || h.compareTo(BigDecimal.valueOf(24)) > 0) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(h.multiply(SIXTY).setScale(0, RoundingMode.HALF_UP).intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalInt.empty();
        }
    }

    /** The first instant of the year. */
    public static OffsetDateTime yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }

    /** A person's confirmed minutes and the shifts they came to, in a year. */
    public record Personal(long minutes, int shifts) {

        public String hours() {
            return format(minutes);
        }
    }

    /** A body's confirmed minutes, the distinct volunteers who came, and the shifts held, in a year. */
    public record Totals(long minutes, int volunteers, int shifts) {

        public String hours() {
            return format(minutes);
        }
    }
}
