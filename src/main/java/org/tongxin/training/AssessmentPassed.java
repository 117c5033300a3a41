package org.tongxin.training;

/** A person passed an assessment (first time or after retraining); their certificate is issued. */
public record AssessmentPassed(long assessmentId, long employeeId, String title) {
}
