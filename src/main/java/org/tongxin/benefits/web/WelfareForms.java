package org.tongxin.benefits.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.benefits.internal.WelfareRound;

/**
 * The welfare forms as typed: every field a string, so a refused form shows again with what was typed; anything
 * unreadable becomes null (or -1) and the service refuses it with its own message.
 */
final class WelfareForms {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private WelfareForms() {
    }

    /** A round's settings as typed; times are {@code datetime-local} values on the platform's clock. */
    record RoundForm(String unitId, String occasion, String title, String budgetPerMember, String eligibleOn,
                     String opensAt, String closesAt) implements Serializable {

        /** A new round's form: the window opening now for a week, members as of today. */
        static RoundForm fresh(OffsetDateTime now, ZoneId zone) {
            LocalDateTime at = now.atZoneSameInstant(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
            return new RoundForm("", "", "", "", at.toLocalDate().toString(), at.format(LOCAL),
                    at.plusDays(7).format(LOCAL));
        }

        static RoundForm of(WelfareRound r, ZoneId zone) {
            return new RoundForm(Long.toString(r.unitId()), r.occasion().name(), r.title(),
                    r.budgetPerMember().toPlainString(), r.eligibleOn().toString(), local(r.opensAt(), zone),
                    local(r.closesAt(), zone));
        }

        Welfare.Draft draft(long unit, ZoneId zone) {
            return new Welfare.Draft(unit, WelfareForms.occasion(occasion), title, money(budgetPerMember), day(eligibleOn),
                    moment(opensAt, zone), moment(closesAt, zone));
        }
    }

    /** A package as typed. */
    record PackageForm(String name, String description, String price, String supplier, String stock)
            implements Serializable {

        static PackageForm empty() {
            return new PackageForm("", "", "", "", "");
        }

        Welfare.PackageDraft draft() {
            return new Welfare.PackageDraft(name, description, money(price), supplier, count(stock));
        }
    }

    static String local(OffsetDateTime at, ZoneId zone) {
        return at.atZoneSameInstant(zone).toLocalDateTime().format(LOCAL);
    }

    static WelfareRound.Occasion occasion(String name) {
        for (WelfareRound.Occasion o : WelfareRound.Occasion.values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    /** Yuan as typed ("1,800", "¥ 120.50"); null when it is not a number. */
    static BigDecimal money(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").strip();
        if (plain.isEmpty() || plain.length() > 20) {
            return null;
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A whole number as typed; -1 when it is not one (the service refuses it). */
    static int count(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static OffsetDateTime moment(String text, ZoneId zone) {
        try {
            return text == null || text.isBlank() ? null
                    : LocalDateTime.parse(text.strip()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
