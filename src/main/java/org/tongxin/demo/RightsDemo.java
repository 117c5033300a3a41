package org.tongxin.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.identity.AccountSetup;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.org.UnitOfficers;
import org.tongxin.rights.RightsSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * Appeals of the demo enterprise in every category and state. At the demo officer's toll station: the demo employee's
 * wage concern replied to and waiting for their rating, hours in hand, an anonymous canteen concern waiting to be
 * accepted, a contract question closed satisfied, one reopened at the company union after an unsatisfied rating, one
 * moved up after its deadline passed, and one in mediation; a safety concern and a confidential harassment complaint
 * at the committee level. Closed appeals from the other stations over the past year give the figures a history.
 */
@Component
class RightsDemo {

    private final RightsSetup rights;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final UnitOfficers officers;
    private final long seed;

    RightsDemo(RightsSetup rights, AccountSetup accounts, OrgDirectory directory, UnitOfficers officers,
               @Value("${tongxin.demo.seed:2026}") long seed) {
        this.rights = rights;
        this.accounts = accounts;
        this.directory = directory;
        this.officers = officers;
        this.seed = seed;
    }

    /** What the demo made that other parts of it build on. */
    record Made(long inMediation, Viewer committee, Viewer employee) {
    }

    private Viewer person(EmployeeSummary e, Set<Role> roles, Set<Long> officerUnits) {
        return new Viewer(accounts.accountId(e.employeeNo()), e.id(), e.name(), roles, officerUnits, Set.of(), false);
    }

    private Viewer officerOf(long unitId) {
        return officers.officersOf(unitId).stream().findFirst().flatMap(o -> directory.employee(o.employeeId()))
                .map(e -> person(e, Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(unitId))).orElse(null);
    }

    /**
     * @param demoLogins the demo officer, employee and committee member, in that order
     */
    Made load(Collection<OrgUnit> units, long stationId, List<HrRow> demoLogins) {
        OrgUnit company = units.stream().filter(u -> u.kind() == UnitKind.COMPANY_UNION).findFirst().orElseThrow();
        Map<String, Long> logins = directory.employeeIdsByNumber(demoLogins.stream().map(HrRow::employeeNo).toList());
        Map<Long, EmployeeSummary> loginPeople = directory.employees(logins.values());
        Viewer officer = person(loginPeople.get(logins.get(demoLogins.get(0).employeeNo())),
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(stationId));
        Viewer employee = person(loginPeople.get(logins.get(demoLogins.get(1).employeeNo())), Set.of(Role.EMPLOYEE),
                Set.of());
        Viewer committee = person(loginPeople.get(logins.get(demoLogins.get(2).employeeNo())),
                Set.of(Role.EMPLOYEE, Role.OFFICER, Role.COMMITTEE), Set.of(company.id()));
        List<Long> stationPeople = new ArrayList<>(directory.activeEmployeesInSubtree(stationId));
        stationPeople.removeAll(logins.values());
        List<Viewer> colleagues = directory.employees(stationPeople.subList(0, Math.min(12, stationPeople.size())))
                .values().stream().sorted(Comparator.comparing(EmployeeSummary::employeeNo))
                .map(e -> person(e, Set.of(Role.EMPLOYEE), Set.of())).toList();

        long wages = rights.raise(employee, "WAGES", "NAMED", "十月份夜班津贴少发了 4 个班次，共 320 元，工资条上没有说明。",
                "核对考勤后补发，并在工资条上列明夜班津贴的班次。");
        rights.accept(officer, wages);
        rights.step(officer, wages, "CONTACTED", "已联系站里的统计员和公司人力资源部核对十月考勤。");
        rights.step(officer, wages, "RESPONSE", "人力资源部回复：考勤系统漏记了 4 个夜班，已更正。");
        rights.reply(officer, wages, "经核实，十月漏记夜班 4 个，320 元将随十一月工资补发；工资条自十二月起列明夜班班次。");
        rights.backdate(wages, 6);

        long hours = rights.raise(colleagues.get(0), "HOURS", "NAMED", "节假日值班后的调休一直排不上，已经欠了 5 天。",
                "在年底前安排调休，或按规定支付加班费。");
        rights.accept(officer, hours);
        rights.step(officer, hours, "MEETING", "与站长、班组长开会排定调休计划，12 月分两次安排。");
        rights.backdate(hours, 3);

        rights.raise(colleagues.get(1), "LIVING", "ANONYMOUS", "食堂夜班餐经常是中午剩下的饭菜，已经凉了。",
                "夜班餐现做，或者提供能加热的微波炉。");

        long contract = rights.raise(colleagues.get(2), "CONTRACT", "CONFIDENTIAL", "劳动合同明年到期，想知道续签的条件和流程。",
                "了解续签安排，提前准备。");
        rights.accept(officer, contract);
        rights.reply(officer, contract, "已向人力资源部了解：到期前 30 天会通知面谈，考核合格即续签无固定期限合同。");
        rights.rate(colleagues.get(2), contract, "SATISFIED", false);
        rights.backdate(contract, 50);

        long reopened = rights.raise(colleagues.get(3), "OTHER", "NAMED", "站区宿舍的热水器坏了两周，报修没有人来。",
                "尽快修好热水器。");
        rights.accept(officer, reopened);
        rights.reply(officer, reopened, "已再次报修，后勤说配件在路上。");
        rights.rate(colleagues.get(3), reopened, "UNSATISFIED", true);
        rights.backdate(reopened, 1);

        long mediation = rights.raise(colleagues.get(4), "WAGES", "NAMED", "离岗待岗期间的生活费比规定标准少发了三个月。",
                "按规定标准补发生活费。");
        rights.accept(officer, mediation);
        rights.step(officer, mediation, "CONTACTED", "已与人力资源部沟通，双方对计算标准有分歧。");
        rights.toMediation(officer, mediation);
        rights.backdate(mediation, 20);

        rights.raise(colleagues.get(5), "SAFETY", "NAMED", "3 号收费亭的防撞设施被货车撞坏，一直没修。", "尽快修复防撞设施。");
        long safety = rights.raise(colleagues.get(6), "SAFETY", "ANONYMOUS", "夜间收费广场照明不足，有两盏灯坏了一个月。",
                "修复照明。");
        rights.accept(committee, safety);
        rights.step(committee, safety, "CONTACTED", "已通知养护中心，本周内更换灯具。");
        rights.raise(colleagues.get(7), "HARASSMENT", "CONFIDENTIAL", "班组里有人多次对我说不合适的话，让我很不舒服。",
                "希望有人出面制止，并调整排班。");

        long overdue = rights.raise(colleagues.get(8), "WAGES", "NAMED", "高温津贴今年只发了两个月。", "补发 7、8、9 月高温津贴。");
        rights.backdate(overdue, 9);
        rights.escalateOverdue(LocalDate.now());

        long agreed = rights.agreedMediation(committee, mediation, "公司人力资源部",
                "按公司离岗待岗办法第八条的标准补发 8 月至 10 月生活费差额。",
                List.of(new String[]{"申请人、人力资源部代表、调解委员会主任", "双方陈述，分歧在于生活费按哪一年度的最低工资标准计算。"},
                        new String[]{"申请人、人力资源部代表、调解委员会主任、工会法律顾问",
                                "法律顾问说明应按当年标准执行，人力资源部同意补发。"}),
                "人力资源部于 12 月 10 日前按当年最低工资标准的 80% 补发三个月差额共 1,560 元；申请人不再就此事申请仲裁。");
        rights.backdateMediation(agreed, 12);

        long aid = rights.legalAid(employee, "劳动合同", "合同里的竞业限制条款对收费员有效吗？离职后会不会受限制？", true);
        rights.bookLegalAid(committee, aid, LocalDate.now().plusDays(3).atTime(15, 0), "公司工会法律顾问 李律师");
        rights.legalAid(colleagues.get(9), "工伤认定", "上下班途中骑电动车摔伤，能不能认定工伤？", false);

        long answered = rights.letter(employee, "建议夜班增加一次巡查", "夜里收费广场只有一名保安，建议凌晨两点增加一次巡查。", true);
        rights.answer(committee, answered, "已与公司保卫部商定：自下月起夜班增加凌晨两点的一次巡查，并在收费广场加装两个监控。");
        rights.publish(committee, answered, "有职工建议夜班增加一次巡查，以保障收费广场的安全。",
                "公司保卫部自下月起在夜班增加凌晨两点的一次巡查，并在收费广场加装两个监控。");
        rights.letter(colleagues.get(10), "职工食堂能否延长开放时间", "夜班下班后食堂已关门，希望延长到凌晨一点。", false);

        history(units, stationId);
        return new Made(mediation, committee, employee);
    }

    /** Closed appeals over the past year at the other grassroots unions, by their chairs. */
    private void history(Collection<OrgUnit> units, long stationId) {
        Random random = new Random(seed);
        String[] categories = {"WAGES", "HOURS", "LIVING", "CONTRACT", "OTHER", "WAGES", "LIVING"};
        String[] ratings = {"SATISFIED", "SATISFIED", "PARTLY", "SATISFIED", "UNSATISFIED"};
        for (OrgUnit unit : units) {
            if (unit.kind() != UnitKind.GRASSROOTS_UNION || unit.id() == stationId) {
                continue;
            }
            Viewer chair = officerOf(unit.id());
            List<Long> people = directory.activeEmployeesInSubtree(unit.id());
            if (chair == null || people.size() < 4) {
                continue;
            }
            for (int i = 0; i < 3; i++) {
                EmployeeSummary who = directory.employee(people.get(1 + random.nextInt(people.size() - 1))).orElseThrow();
                if (who.id() == chair.employeeId()) {
                    continue;
                }
                Viewer raiser = person(who, Set.of(Role.EMPLOYEE), Set.of());
                String category = categories[random.nextInt(categories.length)];
                long id = rights.raise(raiser, category, "NAMED", "职工反映的问题（演示）。", "希望工会协调解决。");
                Viewer handler = officerOf(rights.routeUnit(id));
                if (handler == null) {
                    continue;
                }
                rights.accept(handler, id);
                rights.reply(handler, id, "已协调相关部门解决。");
                rights.rate(raiser, id, ratings[random.nextInt(ratings.length)], false);
                rights.took(id, 2 + random.nextInt(40), 1 + random.nextInt(12));
                rights.backdate(id, 20 + random.nextInt(330));
            }
        }
    }
}
