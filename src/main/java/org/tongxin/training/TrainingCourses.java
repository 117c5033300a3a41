package org.tongxin.training;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tongxin.live.CourseChoices;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.Viewer;
import org.tongxin.training.internal.Courses;

/**
 * Read-only: the courses an officer runs, for other modules' forms. It is live's {@link CourseChoices} (the course a
 * live session counts toward): live owns that interface so that it never depends on training, which listens to
 * live's events.
 */
@Service
public class TrainingCourses implements CourseChoices {

    private final Courses courses;
    private final OrgDirectory org;

    TrainingCourses(Courses courses, OrgDirectory org) {
        this.courses = courses;
        this.org = org;
    }

    /** Draft and published courses of the units the viewer manages (every unit's for the committee), newest first. */
    @Override
    public List<Course> coursesOf(Viewer viewer) {
        if (!viewer.isOfficerOrAbove()) {
            return List.of();
        }
        List<Courses.Course> found = org.manageableUnitIds(viewer).map(ids -> courses.ofUnits(Set.copyOf(ids)))
                .orElseGet(courses::all);
        return found.stream().filter(c -> !c.status().equals("ARCHIVED")).map(c -> new Course(c.id(), c.title()))
                .toList();
    }
}
