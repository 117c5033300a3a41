package org.tongxin.benefits.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much a month's union dues are (会费): the base wage (缴费基数) times the rate, rounded half-up to the fen. The rate
 * is 0.5 % unless the payroll says otherwise (configurable {@code tongxin.benefits.dues.default-rate}), never above
 * 5 %; a payroll's own amount is taken when it agrees with the computed one within ¥0.01.
 */
@Component
public class DuesRule {

    public static final BigDecimal MAX_RATE = new BigDecimal("0.05");
    /** A monthly base above this is a typing error (a yearly figure, a missing decimal point), not a wage. */
    public static final BigDecimal MAX_BASE = new BigDecimal("200000.00");
    public static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    /** The earliest month a payroll file may carry. */
    public static final YearMonth EARLIEST = YearMonth.of(2000, 1);
    private static final List<DateTimeFormatter> MONTHS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M"), DateTimeFormatter.ofPattern("uuuu/M"),
            DateTimeFormatter.ofPattern("uuuu.M"), DateTimeFormatter.ofPattern("uuuuMM"),
            DateTimeFormatter.ofPattern("uuuu年M月")).stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    private final BigDecimal defaultRate;

    public DuesRule(@Value("${tongxin.benefits.dues.default-rate:0.005}") BigDecimal defaultRate) {
        if (defaultRate.signum() < 0 || defaultRate.compareTo(MAX_RATE) > 0) {
            throw new IllegalArgumentException("tongxin.benefits.dues.default-rate must be between 0 and 0.05");
        }
        this.defaultRate = defaultRate;
    }

    public BigDecimal defaultRate() {
        return defaultRate;
    }

    /** The month's dues: base × rate, half-up to the fen. */
    public BigDecimal amount(BigDecimal base, BigDecimal rate) {
        return base.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether a payroll's own amount agrees with the computed one (within ¥0.01). */
    public boolean agrees(BigDecimal given, BigDecimal computed) {
        return given.subtract(computed).abs().compareTo(TOLERANCE) <= 0;
    }

    public boolean baseAllowed(BigDecimal base) {
        return base.signum() > 0 && base.compareTo(MAX_BASE) <= 0;
    }

    public boolean rateAllowed(BigDecimal rate) {
        return rate.signum() >= 0 && rate.compareTo(MAX_RATE) <= 0;
    }

    /** A month is recorded up to the next one (payroll prepared ahead), never further ahead and not before 2000. */
    public boolean monthAllowed(YearMonth month, YearMonth current) {
        return !month.isBefore(EARLIEST) && !month.isAfter(current.plusMonths(1));
    }

    /** A month as payroll files write it: 2026-03, 2026/3, 202603, 2026年3月, or a date of that month (2026-03-01). */
    public static Optional<YearMonth> month(String text) {
        String t = text.strip();
        if (t.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
            t = t.substring(0, t.lastIndexOf('-'));
        }
        for (DateTimeFormatter f : MONTHS) {
            try {
                return Optional.of(YearMonth.parse(t, f));
            } catch (DateTimeParseException ignored) {
                // try the next accepted form
            }
        }
        return Optional.empty();
    }

    /** A rate as a fraction (0.005) or a percentage (0.5%); empty when it is neither. */
    public static Optional<BigDecimal> rate(String text) {
        String t = text.strip();
        boolean percent = t.endsWith("%") || t.endsWith("％");
        Optional<BigDecimal> n = money(percent ? t.substring(0, t.length() - 1) : t);
        return percent ? n.map(v -> v.movePointLeft(2)) : n;
    }

    /** A plain decimal number (grouping commas and a leading ¥ allowed); empty when it is none. */
    public static Optional<BigDecimal> money(String text) {
        String t = text.strip().replace(",", "").replace("¥", "").replace("￥", "").strip();
        if (!t.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t));
    }
}
