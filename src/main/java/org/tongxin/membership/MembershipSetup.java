package org.tongxin.membership;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.membership.internal.Applications;
import org.tongxin.membership.internal.Ceremonies;
import org.tongxin.membership.internal.DecisionDeadline;
import org.tongxin.membership.internal.Members;

/**
 * Start-up set-up of membership for the demo enterprise and data migrations from an earlier system:
 * members with their join dates, applications waiting or decided and ceremonies. No officer scope is
 * checked here.
 */
@Service
public class MembershipSetup {

    private final Members members;
    private final Applications applications;
    private final Ceremonies ceremonies;

    MembershipSetup(Members members, Applications applications, Ceremonies ceremonies) {
        this.members = members;
        this.applications = applications;
        this.ceremonies = ceremonies;
    }

    /**
     * A joining ceremony of {@code unitId} for the members who joined there between {@code since} and the
     * ceremony's day; when
     * {@code held}, everyone but every fifth invitee is recorded as present.
     */
    @Transactional
    public long ceremony(long unitId, String title, OffsetDateTime startsAt, String place, long createdBy,
                         LocalDate since, boolean held) {
        List<Long> invited = ceremonies.newMembers(List.of(unitId), since, startsAt.toLocalDate());
        long id = ceremonies.schedule(unitId, title, startsAt, place, createdBy, invited);
        if (held) {
            List<Long> present = new ArrayList<>();
            for (int i = 0; i < invited.size(); i++) {
                if (i % 5 != 4) {
                    present.add(invited.get(i));
                }
            }
            ceremonies.recordAttendance(id, present);
        }
        return id;
    }

    /** Records someone as a member of {@code unitId} since {@code joinedOn}; returns the member number. */
    @Transactional
    public String enrol(long employeeId, long unitId, LocalDate joinedOn) {
        String memberNo = members.nextNumber(unitId);
        long memberId = members.create(employeeId, memberNo, joinedOn);
        members.startPeriod(memberId, unitId, joinedOn, "JOINED");
        return memberNo;
    }

    /**
     * Someone who applied online on {@code submittedOn} and was approved on {@code joinedOn}: the decided application
     * and the membership since that day. Returns the member number.
     */
    @Transactional
    public String enrolByApplication(long employeeId, long unitId, LocalDate submittedOn, LocalDate joinedOn) {
        applications.decidedOn(employeeId, unitId, submittedOn, defaultDue(submittedOn), "APPROVED", joinedOn, null);
        return enrol(employeeId, unitId, joinedOn);
    }

    /** An application submitted online on {@code submittedOn} and rejected on {@code rejectedOn} for {@code reason}. */
    @Transactional
    public long rejectedApplication(long employeeId, long unitId, LocalDate submittedOn, LocalDate rejectedOn,
                                    String reason) {
        return applications.decidedOn(employeeId, unitId, submittedOn, defaultDue(submittedOn), "REJECTED", rejectedOn,
                reason);
    }

    private static LocalDate defaultDue(LocalDate submittedOn) {
        return DecisionDeadline.dueOn(submittedOn, DecisionDeadline.DEFAULT_WORKING_DAYS);
    }

    /** An application submitted online on {@code submittedOn}, due the default number of working days later. */
    @Transactional
    public long pendingApplication(long employeeId, long unitId, LocalDate submittedOn) {
        return applications.submitOn(employeeId, unitId, "ONLINE", submittedOn, defaultDue(submittedOn));
    }
}
