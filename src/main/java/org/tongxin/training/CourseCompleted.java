package org.tongxin.training;

/** Someone completed every lesson of a course (published once per enrolment, inside the completing transaction). */
public record CourseCompleted(long enrolmentId, long courseId, long employeeId) {
}
