package org.tongxin.training.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/** Whom a course is for and whom it is assigned to: its list of people, and groups of an officer's subtree. */
@Service
public class CourseAudience {

    private final TrainingAdmin admin;
    private final Courses courses;
    private final OrgDirectory org;
    private final UnitOfficers officers;
    private final JdbcClient jdbc;

    CourseAudience(TrainingAdmin admin, Courses courses, OrgDirectory org, UnitOfficers officers, JdbcClient jdbc) {
        this.admin = admin;
        this.courses = courses;
        this.org = org;
        this.officers = officers;
        this.jdbc = jdbc;
    }

    /**
     * Creates ({@code courseId} null) or changes a course; a course for a list of people gets those people, each of
     * whom must belong to a unit the officer manages. Returns the course's id.
     */
    @Transactional
    public long save(Viewer officer, Long courseId, Courses.Draft draft, List<Long> invitees) {
        List<Long> listed = group(officer, AssessmentService.Group.LIST, null, invitees);
        long id;
        if (courseId == null) {
            id = admin.createCourse(officer, draft);
        } else {
            admin.updateCourse(officer, courseId, draft);
            id = courseId;
        }
        if (draft.audience().equals("LIST")) {
            courses.invite(id, listed);
        }
        return id;
    }

    /** Employee ids of a course's list. */
    public List<Long> invitees(long courseId) {
        return jdbc.sql("SELECT employee_id FROM training_course_invitee WHERE course_id = ? ORDER BY employee_id")
                .param(courseId).query(Long.class).list();
    }

    /**
     * The people of a group in the officer's subtree: every active employee of a unit's subtree, the officers of
     * every unit of it, or the people listed (each in a unit the officer manages).
     */
    public List<Long> group(Viewer officer, AssessmentService.Group group, Long unitId, List<Long> listed) {
        Set<Long> people = new LinkedHashSet<>();
        switch (group) {
            case EMPLOYEES -> people.addAll(org.activeEmployeesInSubtree(org.managedUnit(officer, unitOf(unitId)).id()));
            case OFFICERS -> {
                OrgUnit root = org.managedUnit(officer, unitOf(unitId));
                for (UnitCount u : org.subtreeCounts(root)) {
                    officers.officersOf(u.unit().id()).forEach(o -> people.add(o.employeeId()));
                }
            }
            case LIST -> {
                Set<Long> reachable = org.manageableUnitIds(officer).orElse(null);
                for (long id : listed) {
                    EmployeeSummary e = org.employee(id).orElseThrow(() -> new NotFoundException("employee " + id));
                    if (reachable != null && !reachable.contains(e.unitId())) {
                        throw new NotFoundException("employee " + id);
                    }
                    people.add(id);
                }
            }
        }
        return List.copyOf(people);
    }

    private static long unitOf(Long unitId) {
        if (unitId == null) {
            throw new Refusal("training.error.unitRequired");
        }
        return unitId;
    }
}
