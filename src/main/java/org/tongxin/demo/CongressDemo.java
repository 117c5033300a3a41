package org.tongxin.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.identity.AccountSetup;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.voice.VoiceSetup;

/**
 * The demo enterprise's workers' congress (职代会): a session of the company union with six representatives — the demo
 * employee, two colleagues of the demo toll station and three from elsewhere — whose filing window is open, and motions
 * at every step: two collecting co-signers (the demo employee's own, and a colleague's waiting for the demo employee's
 * co-signature), one accepted and waiting for assignment, one assigned to the demo officer's station to answer, one
 * answered and waiting for the demo employee's rating, one answered and rated satisfied, one sent back as not
 * satisfied, one converted to a suggestion and one declined. The committee member acts as the motions committee.
 */
@Component
class CongressDemo {

    private final VoiceSetup voice;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final UnitOfficers officers;

    CongressDemo(VoiceSetup voice, AccountSetup accounts, OrgDirectory directory, UnitOfficers officers) {
        this.voice = voice;
        this.accounts = accounts;
        this.directory = directory;
        this.officers = officers;
    }

    private Viewer employee(EmployeeSummary e) {
        return new Viewer(accounts.accountId(e.employeeNo()), e.id(), e.name(), Set.of(Role.EMPLOYEE), Set.of(),
                Set.of(), false);
    }

    /** The chair (or first officer) of a unit, acting for it; {@code fallback} when it has none. */
    private Viewer officerOf(long unitId, Viewer fallback) {
        return officers.officersOf(unitId).stream().findFirst().flatMap(o -> directory.employee(o.employeeId()))
                .map(e -> new Viewer(accounts.accountId(e.employeeNo()), e.id(), e.name(),
                        Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(unitId), Set.of(), false))
                .orElse(fallback);
    }

    /**
     * @param committee    the committee member, officer of the company union: the motions committee
     * @param officer      the demo officer, chair of the toll station
     * @param demoEmployee the demo employee, one of the representatives
     * @param colleagues   people of the station other than the demo logins
     */
    void load(long companyId, long stationId, long centreId, Viewer committee, Viewer officer, Viewer demoEmployee,
              List<Long> colleagues) {
        List<Long> logins = List.of(committee.employeeId(), officer.employeeId(), demoEmployee.employeeId());
        List<Long> reps = new ArrayList<>();
        reps.add(demoEmployee.employeeId());
        colleagues.stream().filter(c -> !logins.contains(c)).skip(10).limit(2).forEach(reps::add);
        List<Long> elsewhere = directory.activeEmployeesInSubtree(companyId).stream()
                .filter(e -> !colleagues.contains(e) && !logins.contains(e)).toList();
        for (int i = 1; i <= 3 && i * 150 < elsewhere.size(); i++) {
            reps.add(elsewhere.get(i * 150));
        }
        if (reps.size() < 6) {
            return;
        }
        Map<Long, EmployeeSummary> people = directory.employees(reps);
        List<Viewer> r = reps.stream().map(id -> employee(people.get(id))).toList();
        Viewer me = r.get(0);
        Viewer centreChair = officerOf(centreId, committee);

        LocalDate today = LocalDate.now();
        long session = voice.congress(committee, companyId, "第三届职工代表大会第二次会议", today.minusDays(12),
                today.plusDays(8), 2);
        voice.representatives(committee, session, reps.stream().map(id -> people.get(id).employeeNo()).toList());

        // Collecting co-signers: the demo employee's own (one of two), and a colleague's waiting for the demo
        // employee's co-signature.
        long own = voice.motion(me, session, "增开夜班职工通勤班车",
                "夜班零点交班后没有班车，住得远的职工只能在站里将就或自己打车，安全和休息都没有保障。",
                "由公司统一与公交公司协商，在零点三十分增开一班职工通勤车，沿途停靠各收费站和主要职工住宅小区。", "WELFARE");
        voice.cosign(r.get(3), own);
        voice.backdateMotion(own, 3, 2);
        long waiting = voice.motion(r.get(1), session, "收费站职工宿舍加装空调",
                "收费站宿舍夏季室温超过三十五度，倒班职工白天无法休息。",
                "分两年为各收费站职工宿舍加装空调，今年先安排西晒严重的宿舍。", "WELFARE");
        voice.backdateMotion(waiting, 1, 1);

        // Accepted, waiting for the committee to assign it.
        long accepted = motion(r.get(5), session, "建立职代会提案办理情况通报制度",
                "往年提案办理结果职工不清楚，代表也不知道办到哪一步。",
                "每季度在公司内网和职工之家公布提案办理进度和答复，年底向职代会报告。", "DEMOCRACY", r.get(0), r.get(4));
        voice.acceptMotion(committee, accepted, "符合提案条件，予以立案");
        voice.backdateMotion(accepted, 6, 1);

        // Assigned to the demo station: the demo officer has it to answer.
        long toStation = motion(r.get(2), session, "收费广场增设职工遮阳棚",
                "收费广场引导车辆的职工夏天在烈日下站岗，去年有两人中暑。",
                "在收费广场入口和称重区各增设一处遮阳棚，配备饮水和防暑药品。", "SAFETY", r.get(0), r.get(1));
        voice.acceptMotion(committee, toStation, "");
        voice.assignMotion(committee, toStation, stationId, today.plusDays(10));
        voice.backdateMotion(toStation, 10, 4);

        // Answered, waiting for the demo employee's rating.
        long toRate = motion(me, session, "职工年度体检增加项目",
                "现在的体检项目少，倒班职工颈椎、腰椎和心脑血管问题多，查不出来。",
                "年度体检增加颈椎腰椎影像、心脏彩超和颈动脉彩超，四十岁以上职工增加肿瘤标志物筛查。", "SAFETY",
                r.get(2), r.get(5));
        voice.acceptMotion(committee, toRate, "");
        voice.assignMotion(committee, toRate, centreId, today.plusDays(5));
        voice.answerMotion(centreChair, toRate,
                "经与体检机构协商，今年起年度体检增加颈椎腰椎影像和心脏彩超，四十岁以上职工增加肿瘤标志物筛查；"
                        + "颈动脉彩超因费用原因明年纳入。");
        voice.backdateMotion(toRate, 11, 2);

        // Answered and rated satisfied.
        long satisfied = motion(me, session, "职工食堂延长夜间供餐时间",
                "食堂晚上八点关门，夜班职工半夜只能吃泡面。",
                "食堂在零点前后增加一次夜餐供应，由夜班职工提前登记份数。", "WELFARE", r.get(1), r.get(2));
        voice.acceptMotion(committee, satisfied, "");
        voice.assignMotion(committee, satisfied, centreId, today.plusDays(3));
        voice.answerMotion(centreChair, satisfied, "自本月起各站区食堂在二十三点三十分至零点三十分供应夜餐，职工在前一天登记份数。");
        voice.rateMotion(me, satisfied, "SATISFIED", "已经吃上热饭了，谢谢");
        voice.backdateMotion(satisfied, 12, 3);

        // Rated not satisfied: sent back to the company union for a second answer.
        long reopened = motion(r.get(4), session, "提高高温津贴标准",
                "高温津贴多年没有调整，户外作业的养护和收费职工意见大。",
                "按省里最新标准调整高温津贴，并把收费广场作业纳入发放范围。", "PRODUCTION", r.get(3), r.get(5));
        voice.acceptMotion(committee, reopened, "");
        voice.assignMotion(committee, reopened, companyId, today.plusDays(2));
        voice.answerMotion(committee, reopened, "高温津贴将按规定发放，具体标准由人力资源部研究。");
        voice.rateMotion(r.get(4), reopened, "NOT_SATISFIED", "答复没有说什么时候调整、调整到多少，收费广场算不算户外作业也没有答复");
        voice.backdateMotion(reopened, 11, 1);

        // Converted to a suggestion, and declined.
        long converted = voice.motion(r.get(3), session, "收费亭更换人体工学座椅",
                "收费员每班坐八小时，现有座椅不能调节，腰痛的人很多。",
                "为收费亭更换可调节高度和靠背的人体工学座椅。", "SAFETY");
        voice.convertMotion(committee, converted, "属于基层单位能够解决的事项，转为合理化建议由所在单位办理");
        voice.backdateMotion(converted, 9, 7);
        long declined = voice.motion(r.get(1), session, "为每位职工配发私家车停车位",
                "站区停车位紧张，职工私家车没有地方停。",
                "为每位职工在站区划定固定停车位。", "OTHER");
        voice.declineMotion(committee, declined, "站区用地由路政统一规划，不属于职代会提案范围；停车问题已转站区管理部门研究");
        voice.backdateMotion(declined, 8, 6);
    }

    /** Files a motion and has two representatives co-sign it. */
    private long motion(Viewer proposer, long session, String title, String reason, String proposal, String category,
                        Viewer cosigner, Viewer another) {
        long id = voice.motion(proposer, session, title, reason, proposal, category);
        voice.cosign(cosigner, id);
        voice.cosign(another, id);
        return id;
    }
}
