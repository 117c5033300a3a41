package org.tongxin.membership;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.membership.internal.Applications;
import org.tongxin.membership.internal.DecisionDeadline;
import org.tongxin.membership.internal.Members;

/**
 * Start-up set-up of membership for the demo enterprise and data migrations from an earlier system:
 * members with their join dates, and applications already waiting. No officer scope is checked here.
 */
@Service
public class MembershipSetup {

    private final Members members;
    private final Applications applications;

    MembershipSetup(Members members, Applications applications) {
        this.members = members;
        this.applications = applications;
    }

    /** Records someone as a member of {@code unitId} since {@code joinedOn}; returns the member number. */
    @Transactional
    public String enrol(long employeeId, long unitId, LocalDate joinedOn) {
        String memberNo = members.nextNumber(unitId);
        long memberId = members.create(employeeId, memberNo, joinedOn);
        members.startPeriod(memberId, unitId, joinedOn, "JOINED");
        return memberNo;
    }

    /** An application submitted online on {@code submittedOn}, due the default number of working days later. */
    @Transactional
    public long pendingApplication(long employeeId, long unitId, LocalDate submittedOn) {
        return applications.submitOn(employeeId, unitId, "ONLINE", submittedOn,
                DecisionDeadline.dueOn(submittedOn, DecisionDeadline.DEFAULT_WORKING_DAYS));
    }
}
