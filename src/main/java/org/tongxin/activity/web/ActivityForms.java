package org.tongxin.activity.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.Activity;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.web.Refusal;

/** The activity form as posted: times from datetime-local fields, hosts and invitees as lists. */
public record ActivityForms(String title, String type, String description, String place,
                     @DateTimeFormat(pattern = LOCAL) LocalDateTime startsAt,
                     @DateTimeFormat(pattern = LOCAL) LocalDateTime endsAt,
                     @DateTimeFormat(pattern = LOCAL) LocalDateTime signupOpensAt,
                     @DateTimeFormat(pattern = LOCAL) LocalDateTime signupClosesAt, Integer capacity,
                     String audience, Long audienceUnitId, Boolean lottery, Long leadUnitId, List<Long> coHosts,
                     String invitees) {

    /** What a datetime-local field posts. */
    static final String LOCAL = "yyyy-MM-dd'T'HH:mm";

    static final List<String> TYPES = List.of("CULTURE_SPORTS", "TRAINING", "VISIT", "SOLACE", "CONTEST",
            "VOLUNTEERING", "OTHER");

    /** The edit form of a stored activity. */
    static ActivityForms of(Activity a, List<Activities.Host> hosts, List<Long> invitees, OrgDirectory org) {
        ZoneId zone = ZoneId.systemDefault();
        List<Long> coHosts = hosts.stream().filter(h -> !h.lead()).map(Activities.Host::unitId).toList();
        String numbers = String.join("\n", invitees.stream().map(org::employee).flatMap(Optional::stream)
                .map(EmployeeSummary::employeeNo).toList());
        return new ActivityForms(a.title(), a.type(), a.description(), a.place(),
                a.startsAt().atZoneSameInstant(zone).toLocalDateTime(), a.endsAt().atZoneSameInstant(zone).toLocalDateTime(),
                a.signupOpensAt().atZoneSameInstant(zone).toLocalDateTime(),
                a.signupClosesAt().atZoneSameInstant(zone).toLocalDateTime(), a.capacity(), a.audience(),
                a.audienceUnitId(), a.lottery(), a.leadUnitId(), coHosts, numbers);
    }

    Activities.Draft draft(long leadUnitId) {
        return new Activities.Draft(trim(title), type, description == null ? "" : description.strip(), trim(place), null,
                at(startsAt), at(endsAt), at(signupOpensAt), at(signupClosesAt), capacity == null ? 0 : capacity,
                audience, "LIST".equals(audience) ? null : audienceUnitId, Boolean.TRUE.equals(lottery), leadUnitId);
    }

    public List<Long> coHostIds() {
        return coHosts == null ? List.of() : coHosts;
    }

    /** Employee numbers, one per line or separated by commas or spaces; unknown numbers are refused by name. */
    List<Long> inviteeIds(OrgDirectory org) {
        if (!"LIST".equals(audience) || invitees == null || invitees.isBlank()) {
            return List.of();
        }
        List<String> numbers = Arrays.stream(invitees.split("[\\s,，、]+")).filter(s -> !s.isBlank()).distinct().toList();
        Map<String, Long> ids = org.employeeIdsByNumber(numbers);
        List<Long> out = new ArrayList<>();
        for (String n : numbers) {
            Long id = ids.get(n);
            if (id == null) {
                throw new Refusal("activity.error.invitees");
            }
            out.add(id);
        }
        return out;
    }

    private static OffsetDateTime at(LocalDateTime t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
