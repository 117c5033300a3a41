package org.tongxin.live;

import java.util.List;
import org.tongxin.shared.security.Viewer;

/**
 * The courses a session may count toward, for the schedule form and to check what it sends. Live owns this
 * interface and training implements it ({@code org.tongxin.training.TrainingCourses}), so that live never depends on
 * training while training listens to live's events: no dependency cycle (as {@code org.UnitOfficers} with identity).
 */
public interface CourseChoices {

    /** A course that can be chosen. */
    record Course(long id, String title) {
    }

    /** Courses of units the viewer manages, not archived, newest first; empty for someone who runs none. */
    List<Course> coursesOf(Viewer viewer);
}
