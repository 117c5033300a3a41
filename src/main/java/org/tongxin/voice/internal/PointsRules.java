package org.tongxin.voice.internal;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.activity.HonourChanged;
import org.tongxin.activity.VolunteerHoursConfirmed;
import org.tongxin.org.OrgDirectory;
import org.tongxin.training.AssessmentPassed;

/**
 * Points for what people do elsewhere, by configurable rules: confirmed volunteer hours (per hour), an honour (taken
 * back when it is revoked), a passed assessment. The ledger's uniqueness makes a redelivered event credit once.
 */
@Component
class PointsRules {

    private final Points points;
    private final OrgDirectory org;
    private final int perVolunteerHour;
    private final int honour;
    private final int assessment;

    PointsRules(Points points, OrgDirectory org,
                @Value("${tongxin.voice.points.per-volunteer-hour:2}") int perVolunteerHour,
                @Value("${tongxin.voice.points.honour:30}") int honour,
                @Value("${tongxin.voice.points.assessment-passed:10}") int assessment) {
        this.points = points;
        this.org = org;
        this.perVolunteerHour = perVolunteerHour;
        this.honour = honour;
        this.assessment = assessment;
    }

    private Long unitOf(long employeeId) {
        return org.unitIdsOf(List.of(employeeId)).get(employeeId);
    }

    @ApplicationModuleListener
    void on(VolunteerHoursConfirmed e) {
        int earned = e.minutes() * perVolunteerHour / 60;
        points.credit(e.employeeId(), earned, "VOLUNTEER_HOURS", "shift:" + e.shiftId(),
                "志愿服务「" + e.project() + "」" + e.minutes() / 60.0 + " 小时", unitOf(e.employeeId()), null);
    }

    @ApplicationModuleListener
    void on(HonourChanged e) {
        if (!e.revoked()) {
            points.credit(e.employeeId(), honour, "HONOUR", "honour:" + e.honourId(), "获得荣誉「" + e.name() + "」",
                    unitOf(e.employeeId()), null);
        } else if (points.has(e.employeeId(), "HONOUR", "honour:" + e.honourId())) {
            points.credit(e.employeeId(), -honour, "CORRECTION", "honour:" + e.honourId(), "荣誉「" + e.name() + "」已撤销",
                    unitOf(e.employeeId()), null);
        }
    }

    @ApplicationModuleListener
    void on(AssessmentPassed e) {
        points.credit(e.employeeId(), assessment, "ASSESSMENT_PASSED", "assessment:" + e.assessmentId(),
                "通过考核「" + e.title() + "」", unitOf(e.employeeId()), null);
    }
}
