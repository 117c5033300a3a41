package org.tongxin.rights;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.tongxin.rights.internal.AppealCategory;

/**
 * An appeal as it stands after a change (raised, accepted, replied, rated, reopened, moved up, referred to mediation):
 * a snapshot for figures kept elsewhere, never its texts. {@code unitId} is where the appellant works; {@code endedOn}
 * the day it was closed or referred to mediation; {@code dueOn} the deadline of the step it waits for (acceptance or
 * reply), null while it waits for the appellant; {@code rating} the latest (SATISFIED, PARTLY, UNSATISFIED) with its
 * day. {@code employeeId} only for a sensitive category, to leave out groups of fewer than five people. Days are the
 * platform's (Beijing). {@code version} orders snapshots of one appeal (microseconds of the change); a replay of
 * history carries 0.
 */
public record AppealProgress(long appealId, long unitId, String category, Long employeeId, LocalDate raisedOn,
                             LocalDate endedOn, LocalDate dueOn, String status, String rating, LocalDate ratedOn,
                             long version) {

    /** Every category, in the order the pages list them. */
    public static final List<String> CATEGORIES = Arrays.stream(AppealCategory.values()).map(Enum::name).toList();

    /** The categories counted only where at least five different people raised them. */
    public static final List<String> SENSITIVE = Arrays.stream(AppealCategory.values())
            .filter(AppealCategory::sensitive).map(Enum::name).toList();
}
