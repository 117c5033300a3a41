package org.tongxin.live.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.tongxin.shared.web.Refusal;

/**
 * The schedule form as posted. Everything is optional and plain text, so that the scope check (the host unit),
 * not the binding, answers a form about another unit; times are the platform's local time as a datetime-local
 * field sends them. The presenter is an officer chosen from the list, or anyone of the host unit's subtree by
 * employee number (that one wins when both are given). The course, when chosen, is one the organiser runs; the
 * session then counts as that course's live lesson.
 */
record LiveForm(String title, String description, Long unitId, Long presenterAccountId, String presenterNo,
                String startsAt, String endsAt, String audience, Long audienceUnitId, String inviteeNos,
                Integer attendPercent, Long courseId) {

    static final List<String> AUDIENCES = List.of("SUBTREE", "OFFICERS", "LIST", "PUBLIC");

    static LiveForm blank(Long unitId, LocalDateTime start) {
        return new LiveForm("", "", unitId, null, "", start.toString(), start.plusHours(1).toString(), "SUBTREE",
                unitId, "", 80, null);
    }

    OffsetDateTime start(ZoneId zone) {
        return at(startsAt, zone);
    }

    OffsetDateTime end(ZoneId zone) {
        return at(endsAt, zone);
    }

    private static OffsetDateTime at(String value, ZoneId zone) {
        try {
            return LocalDateTime.parse(value == null ? "" : value.strip()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new Refusal("live.error.badTimes");
        }
    }

    public String audienceOrDefault() {
        return audience == null || audience.isBlank() ? "SUBTREE" : audience;
    }

    public int percent() {
        return attendPercent == null ? 80 : attendPercent;
    }

    /** Employee numbers typed into the list, separated by spaces, commas or new lines. */
    List<String> numbers() {
        return inviteeNos == null ? List.of() : Arrays.stream(inviteeNos.split("[\\s,，、;；]+"))
                .filter(n -> !n.isBlank()).distinct().toList();
    }

    boolean presenterByNumber() {
        return presenterNo != null && !presenterNo.isBlank();
    }
}
