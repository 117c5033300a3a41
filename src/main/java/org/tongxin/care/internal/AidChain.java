package org.tongxin.care.internal;

import java.util.List;
import java.util.Optional;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * The review chain of a hardship application: it starts with the employee's own unit and climbs one unit
 * per officer's approval until the unit under the top one has approved; then the committee decides. A
 * committee member's decision is final at any step, and so is every decline.
 */
public final class AidChain {

    private AidChain() {
    }

    /**
     * The first step for an employee whose unit has the path {@code unitPath} (root first): their own unit,
     * or the committee (null) for someone in the top unit itself.
     */
    public static Long firstStep(List<Long> unitPath) {
        return unitPath.size() <= 1 ? null : unitPath.getLast();
    }

    /**
     * The step after an officer's approval of the step with path {@code stepPath}: the unit above the highest
     * unit on that path the officer holds the care right for, since their approval speaks for every level up
     * to it (and they may not decide twice); the committee (null) once that is the top unit or the one under it.
     */
    static Long nextStep(Viewer officer, List<Long> stepPath) {
        for (int i = 0; i < stepPath.size(); i++) {
            if (officer.careUnits().contains(stepPath.get(i))) {
                return stepAbove(stepPath.subList(0, i + 1));
            }
        }
        throw new IllegalArgumentException("the officer holds no care right on the step's path");
    }

    /** The step after the officers of the step with path {@code stepPath} approved: the unit above, or the committee (null). */
    public static Long stepAbove(List<Long> stepPath) {
        return stepPath.size() <= 2 ? null : stepPath.get(stepPath.size() - 2);
    }

    /**
     * Why {@code viewer} may not decide the application's current step, as an i18n key; empty when they may.
     *
     * @param stepPath       the path of the step's unit (root first); null at the committee's step
     * @param reviewedBefore whether the viewer's account has decided a step of this application already
     */
    static Optional<String> reviewRefusal(Aid aid, Viewer viewer, List<Long> stepPath, boolean reviewedBefore) {
        if (!aid.isOpen()) {
            return Optional.of("care.aid.decided");
        }
        if (viewer.employeeId() != null && viewer.employeeId() == aid.employeeId()) {
            return Optional.of("care.aid.ownApplication");
        }
        if (reviewedBefore) {
            return Optional.of("care.aid.reviewedBefore");
        }
        if (!viewer.has(Role.COMMITTEE) && (stepPath == null || !viewer.caresFor(stepPath))) {
            return Optional.of("care.aid.notYourStep");
        }
        return Optional.empty();
    }
}
