package org.tongxin.membership.internal;

import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.org.EmployeesLeft;
import org.tongxin.org.EmployeesMoved;
import org.tongxin.org.EmployeesRetired;

/**
 * Follows HR imports: memberships and open applications move with their people, retirees become
 * retired members, members who left are flagged, never dropped. Each person is handled in a transaction
 * of their own, so one failure does not undo the others; when any failed, the listener fails after the
 * rest are done, the event stays incomplete in the registry and is retried (every step is idempotent).
 */
@Component
class HrChanges {

    private static final Logger log = LoggerFactory.getLogger(HrChanges.class);

    private final MembershipService membership;
    private final TransactionTemplate perPerson;

    HrChanges(MembershipService membership, PlatformTransactionManager transactions) {
        this.membership = membership;
        this.perPerson = new TransactionTemplate(transactions);
        this.perPerson.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(EmployeesMoved moved) {
        int failed = 0;
        for (EmployeesMoved.Move m : moved.moves()) {
            failed += each(m.employeeId(), id -> membership.followMove(id, m.fromUnitId(), m.toUnitId()));
        }
        done("moves", failed);
    }

    @ApplicationModuleListener
    void on(EmployeesLeft left) {
        done("leavers", eachOf(left.employeeIds(), membership::flagLeft));
    }

    @ApplicationModuleListener
    void on(EmployeesRetired retired) {
        done("retirements", eachOf(retired.employeeIds(), membership::followRetirement));
    }

    private int eachOf(List<Long> employeeIds, LongConsumer step) {
        int failed = 0;
        for (long id : employeeIds) {
            failed += each(id, step);
        }
        return failed;
    }

    private int each(long employeeId, LongConsumer step) {
        try {
            perPerson.executeWithoutResult(status -> step.accept(employeeId));
            return 0;
        } catch (RuntimeException e) {
            log.warn("Membership follow-up of HR change failed for employee {}; will be retried", employeeId, e);
            return 1;
        }
    }

    private static void done(String what, int failed) {
        if (failed > 0) {
            throw new IllegalStateException(failed + " HR " + what + " not followed up yet");
        }
    }
}
