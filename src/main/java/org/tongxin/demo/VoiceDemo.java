package org.tongxin.demo;

import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.identity.AccountSetup;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.voice.VoiceSetup;
import org.tongxin.voice.VoiceSetup.Idea;

/**
 * The voice of the demo enterprise: suggestions at every step of their life, most of them at the demo officer's toll
 * station — the demo employee's own recognised with a verified value, one waiting for the committee to confirm its
 * value, one just submitted and waiting for the demo officer, one declined — and the colleagues' (one overdue and
 * chased, one anonymous and adopted, one returned, one waiting for the officer's decision, one verified and waiting
 * for recognition), and two elsewhere; points credited by the scheme along the way. A round of democratic
 * evaluation over the station's chair and a vice-chair named for it: enough ballots for the chair's result to show,
 * too few for the vice-chair's. A year of history elsewhere, for the dashboards: suggestions at the other grassroots
 * unions over the past twelve months, most of them finished, and a round of evaluation at the management centre half a
 * year ago. Then the congress motions ({@link CongressDemo}), the discussions ({@link TalkDemo}) and the surveys
 * ({@link SurveyDemo}).
 */
@Component
class VoiceDemo {

    static final List<String> CRITERIA = List.of("服务意识", "创新能力", "网络能力", "作风");

    /** How far a story goes, in the order of the steps. */
    enum Stop { SUBMITTED, RETURNED, ACCEPTED, ASSIGNED, DECLINED, ADOPTED, IMPLEMENTED, VALUED, VERIFIED, RECOGNISED }

    /**
     * One suggestion's story: what was written, how far it went, the note or reason of its last decision, the measured
     * value, and the days ago it was submitted and last moved.
     */
    record Story(Idea idea, Stop stop, String note, BigDecimal value, String valueNote, int firstDaysAgo,
                 int lastDaysAgo) {
    }

    private final VoiceSetup voice;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final UnitOfficers officers;
    private final MemberDirectory members;
    private final CongressDemo congress;
    private final TalkDemo talk;
    private final SurveyDemo surveys;
    private final long seed;

    VoiceDemo(VoiceSetup voice, AccountSetup accounts, OrgDirectory directory, UnitOfficers officers,
              MemberDirectory members, CongressDemo congress, TalkDemo talk, SurveyDemo surveys,
              @Value("${tongxin.demo.seed:2026}") long seed) {
        this.congress = congress;
        this.voice = voice;
        this.accounts = accounts;
        this.directory = directory;
        this.officers = officers;
        this.members = members;
        this.talk = talk;
        this.surveys = surveys;
        this.seed = seed;
    }

    private Viewer person(EmployeeSummary e, Set<Role> roles, Set<Long> officerUnits) {
        return new Viewer(accounts.accountId(e.employeeNo()), e.id(), e.name(), roles, officerUnits, Set.of(), false);
    }

    private Viewer employee(EmployeeSummary e) {
        return person(e, Set.of(Role.EMPLOYEE), Set.of());
    }

    /** The chair (or first officer) of a unit, acting for it; {@code fallback} when it has none. */
    private Viewer officerOf(long unitId, Viewer fallback) {
        return officers.officersOf(unitId).stream().findFirst()
                .flatMap(o -> directory.employee(o.employeeId()))
                .map(e -> person(e, Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(unitId))).orElse(fallback);
    }

    /**
     * @param demoLogins the demo officer, employee and committee member, in that order
     */
    void load(Collection<OrgUnit> units, long stationId, List<HrRow> demoLogins) {
        OrgUnit company = units.stream().filter(u -> u.kind() == UnitKind.COMPANY_UNION).findFirst().orElseThrow();
        OrgUnit station = units.stream().filter(u -> u.id() == stationId).findFirst().orElseThrow();
        long centreId = station.parentId() != null ? station.parentId() : company.id();
        Map<String, Long> logins = directory.employeeIdsByNumber(demoLogins.stream().map(HrRow::employeeNo).toList());
        Map<Long, EmployeeSummary> loginPeople = directory.employees(logins.values());
        EmployeeSummary officerPerson = loginPeople.get(logins.get(demoLogins.get(0).employeeNo()));
        EmployeeSummary employeePerson = loginPeople.get(logins.get(demoLogins.get(1).employeeNo()));
        EmployeeSummary committeePerson = loginPeople.get(logins.get(demoLogins.get(2).employeeNo()));
        Viewer officer = person(officerPerson, Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(stationId));
        Viewer committee = person(committeePerson, Set.of(Role.EMPLOYEE, Role.OFFICER, Role.COMMITTEE),
                Set.of(company.id()));
        Viewer demoEmployee = employee(employeePerson);
        Viewer centreChair = officerOf(centreId, committee);

        List<Long> stationPeople = new ArrayList<>(directory.activeEmployeesInSubtree(stationId));
        stationPeople.removeAll(logins.values());
        List<EmployeeSummary> colleagues = directory.employees(stationPeople.subList(0, Math.min(40,
                stationPeople.size()))).values().stream()
                // The station's own people first (their suggestions are held by the station, not one of its groups).
                .sorted(Comparator.comparing((EmployeeSummary e) -> e.unitId() != stationId)
                        .thenComparing(EmployeeSummary::employeeNo)).toList();

        // The demo employee's own: recognised, waiting for the committee, just submitted, declined.
        suggestion(demoEmployee, officer, centreId, centreChair, committee, new Story(new Idea("收费亭加装挡风门帘",
                "冬季夜班收费亭四面透风，收费员手脚冻僵，每年冬天感冒请病假的有十几人次。",
                "在收费亭窗口两侧和门口加装透明软质挡风门帘，不影响递卡收费和视线。",
                "减少冬季病假，提高夜班收费效率。", false), Stop.RECOGNISED, "评为年度优秀合理化建议，在全线收费站推广",
                new BigDecimal("36000"), "冬季病假减少约 40 天，按日均人工成本 900 元折算", 60, 20),
                List.of(DemoPhotos.photo("收费亭窗口 · 冬季夜班", new Color(0x2b4c7e), new Color(0x9bb7d4), 1280, 960, 7L),
                        DemoPhotos.photo("挡风门帘示意", new Color(0x5b7065), new Color(0xc9d6c3), 1280, 960, 8L)));
        suggestion(demoEmployee, officer, stationId, officer, committee, new Story(new Idea("ETC 车道增设减速提示牌",
                "ETC 车道车辆进站速度快，栏杆被撞坏的情况每月都有，维修影响通行。",
                "在 ETC 车道前 150 米和 50 米处各增设一块“ETC 车道 请减速至 20 公里”提示牌，地面喷涂减速标线。",
                "减少栏杆损坏和维修费用。", false), Stop.VALUED, "", new BigDecimal("8000"),
                "栏杆损坏由每月 6 次降到 2 次，按每次维修费 200 元和停道损失折算全年", 30, 4));
        suggestion(demoEmployee, officer, stationId, officer, committee, new Story(new Idea("夜班职工班车增加凌晨一点班次",
                "夜班零点交班后要等到早上六点才有班车，住得远的职工只能在站里将就。",
                "与公交公司协商，在凌晨一点增加一班职工班车，沿途停靠三个小区。", "夜班职工按时回家休息。", false),
                Stop.SUBMITTED, "", null, null, 2, 2));
        suggestion(demoEmployee, officer, centreId, centreChair, committee, new Story(new Idea("站区停车场加装电动车充电桩",
                "越来越多职工骑电动车上班，在宿舍楼道充电有火灾隐患。",
                "在站区停车场加装 10 个电动车充电桩，刷卡计费。", "消除楼道充电隐患。", false), Stop.DECLINED,
                "站区电网容量不足，已纳入明年站区电力改造计划，改造后再建", null, null, 30, 12));

        // The colleagues': overdue and chased, anonymous and adopted, verified, returned, waiting for a decision.
        List<Story> stories = List.of(
                new Story(new Idea("站区食堂增加夜班热餐", "夜班职工半夜只能吃泡面，食堂晚上八点就关门。",
                        "食堂在零点前后提供一顿热饭（面条或炒饭），由夜班职工提前登记份数。", "夜班职工吃上热饭。", false),
                        Stop.ACCEPTED, "", null, null, 16, 12),
                new Story(new Idea("收费亭安装防眩光遮阳膜", "下午西晒时收费亭里看不清来车车牌，收费员眼睛疲劳。",
                        "在收费亭西侧玻璃贴防眩光遮阳膜。", "减少眼疲劳和收费差错。", true),
                        Stop.ADOPTED, "先在 3 号、4 号西向收费亭试点", null, null, 25, 6),
                new Story(new Idea("养护车辆加装倒车影像", "养护车辆倒车时后方视线差，去年发生多起倒车剐蹭。",
                        "为全部养护车辆加装倒车影像和倒车雷达。", "杜绝倒车剐蹭事故。", false),
                        Stop.VERIFIED, "", new BigDecimal("52000"), "两年来倒车剐蹭事故由 7 起降为 0，按维修和赔付费用折算",
                        40, 3),
                new Story(new Idea("改善职工之家", "职工之家用的人少。", "改善一下。", "", false),
                        Stop.RETURNED, "请写明具体要改善的设施和做法，再重新提交", null, null, 10, 8),
                new Story(new Idea("便民服务台增设共享充电宝", "司乘人员手机没电时常来收费站求助。",
                        "在便民服务台放置共享充电宝，免押金借用。", "提升司乘满意度。", false),
                        Stop.ASSIGNED, "", null, null, 8, 3));
        long overdue = 0;
        for (int i = 0; i < stories.size() && i < colleagues.size(); i++) {
            Story st = stories.get(i);
            long owner = st.stop() == Stop.VERIFIED ? centreId : stationId;
            long id = suggestion(employee(colleagues.get(i)), officer, owner,
                    owner == stationId ? officer : centreChair, committee, st);
            overdue = i == 0 ? id : overdue;
        }

        // Elsewhere in the company, handled by the committee: one recognised, one implemented and waiting for its value.
        directory.activeEmployeesInSubtree(company.id()).stream()
                .filter(e -> !stationPeople.contains(e) && !logins.containsValue(e)).skip(50).findFirst()
                .flatMap(directory::employee).ifPresent(e -> {
                    Viewer author = employee(e);
                    suggestion(author, committee, e.unitId(), committee, committee, new Story(new Idea(
                            "服务区充电桩扩容并错峰收费", "节假日服务区充电桩排长队，车主投诉多。",
                            "充电桩由 4 个扩容到 12 个，夜间低谷电价时段降价引导错峰充电。", "减少排队，增加充电收入。",
                            false), Stop.RECOGNISED, "公司年度优秀合理化建议", new BigDecimal("120000"),
                            "新增充电收入扣除电费和设备折旧后全年约 12 万元", 70, 30));
                    suggestion(author, committee, e.unitId(), committee, committee, new Story(new Idea(
                            "隧道照明改为智能调光", "隧道照明全天满功率，白天洞口段过亮、电费高。",
                            "按洞外亮度和车流量自动调光。", "节约隧道照明电费。", false), Stop.IMPLEMENTED,
                            "已在两座隧道改造完成", null, null, 35, 10));
                });
        // The colleague's accepted suggestion is past its deadline: chased to the station's officers.
        if (overdue != 0) {
            voice.chaseOverdue();
        }

        evaluation(stationId, officer, colleagues, officerPerson.id());
        history(units, centreId, committee);
        pastEvaluation(centreId);
        congress.load(company.id(), stationId, centreId, committee, officer, demoEmployee, stationPeople);
        talk.load(company.id(), stationId, committee, officer, demoEmployee, logins.values());
        surveys.load(company.id(), stationId, committee, officer, demoEmployee, colleagues);
    }

    private long suggestion(Viewer author, Viewer reviewer, long ownerUnit, Viewer ownerOfficer, Viewer committee,
                            Story st) {
        return suggestion(author, reviewer, ownerUnit, ownerOfficer, committee, st, List.of());
    }

    /** Submits a suggestion with its pictures and takes it as far as the story goes, then moves it into the past. */
    private long suggestion(Viewer author, Viewer reviewer, long ownerUnit, Viewer ownerOfficer, Viewer committee,
                            Story st, List<byte[]> pictures) {
        long id = voice.submit(author, st.idea(), pictures);
        Stop stop = st.stop();
        if (stop == Stop.RETURNED) {
            voice.returnIt(reviewer, id, st.note());
        }
        if (stop.compareTo(Stop.ACCEPTED) >= 0) {
            voice.accept(reviewer, id);
        }
        if (stop.compareTo(Stop.ASSIGNED) >= 0) {
            voice.assign(reviewer, id, ownerUnit);
        }
        if (stop == Stop.DECLINED) {
            voice.decline(ownerOfficer, id, st.note());
        }
        if (stop.compareTo(Stop.ADOPTED) >= 0) {
            voice.adopt(ownerOfficer, id, stop == Stop.ADOPTED ? st.note() : "采纳，由本单位组织实施");
        }
        if (stop.compareTo(Stop.IMPLEMENTED) >= 0) {
            voice.implemented(ownerOfficer, id, stop == Stop.IMPLEMENTED ? st.note() : "已按建议实施");
        }
        if (stop.compareTo(Stop.VALUED) >= 0) {
            voice.enterValue(ownerOfficer, id, st.value(), st.valueNote());
        }
        if (stop.compareTo(Stop.VERIFIED) >= 0) {
            voice.confirmValue(committee, id);
        }
        if (stop == Stop.RECOGNISED) {
            voice.recognise(committee, id, st.note());
        }
        voice.backdate(id, st.firstDaysAgo(), st.lastDaysAgo());
        return id;
    }

    /** Past suggestions to spread over the year: what was proposed, and its benefit once verified. */
    private static final List<Story> PAST = List.of(
            new Story(new Idea("服务区公厕加装烘手机", "冬天洗手后没有地方烘干，司乘抱怨多。", "每个公厕洗手台加装两台烘手机。",
                    "提升服务区满意度。", false), Stop.RECOGNISED, "已在全部服务区推广", new BigDecimal("6000"),
                    "减少擦手纸用量，按全年纸巾采购费折算", 0, 0),
            new Story(new Idea("养护工区工具实行定置管理", "工具随手放，抢修时常找不到。", "工具房画线定置、挂牌管理，每班交接清点。",
                    "缩短抢修准备时间。", false), Stop.RECOGNISED, "", new BigDecimal("15000"),
                    "抢修准备时间平均缩短 20 分钟，按车辆和人工成本折算", 0, 0),
            new Story(new Idea("机关食堂推行小份菜", "一份菜量太大，吃不完浪费。", "推出半份菜，按半价收费。", "减少浪费。", false),
                    Stop.RECOGNISED, "", new BigDecimal("9000"), "每月减少剩菜约 300 公斤，按食材成本折算", 0, 0),
            new Story(new Idea("收费票据改为电子发票", "纸质票据打印慢、耗材多。", "推行通行费电子发票，站内张贴扫码指引。",
                    "节约票据耗材。", false), Stop.VERIFIED, "", new BigDecimal("24000"), "全年节约票据和打印耗材", 0, 0),
            new Story(new Idea("隧道巡检配发执法记录仪", "隧道巡检发现问题时取证不便。", "为巡检人员配发执法记录仪。",
                    "规范巡检取证。", false), Stop.IMPLEMENTED, "已配发 12 台", null, null, 0, 0),
            new Story(new Idea("服务区增设母婴室", "带婴儿出行的司乘没有地方哺乳。", "在每个服务区综合楼增设母婴室。",
                    "方便母婴出行。", false), Stop.ADOPTED, "列入明年服务区改造计划", null, null, 0, 0),
            new Story(new Idea("办公区全部改为声控灯", "走廊灯常年长明。", "走廊、楼梯改为声控灯。", "节约用电。", false),
                    Stop.DECLINED, "走廊已于去年改造为感应灯", null, null, 0, 0),
            new Story(new Idea("多组织活动", "活动太少。", "多组织一些。", "", false), Stop.RETURNED,
                    "请写明想参加的活动类型和时间，再重新提交", null, null, 0, 0));

    /**
     * Suggestions over the past twelve months at the grassroots unions other than the demo officer's centre, by their
     * people, taken as far as their story goes by the unions' chairs and the committee, then moved into the past:
     * submitted 30 to 350 days ago, each step some days after the one before.
     */
    private void history(Collection<OrgUnit> units, long centreId, Viewer committee) {
        Random random = new Random(seed * 31 + 7);
        for (OrgUnit unit : units) {
            if (unit.kind() != UnitKind.GRASSROOTS_UNION || unit.id() == centreId) {
                continue;
            }
            Viewer chair = officerOf(unit.id(), null);
            List<Long> people = new ArrayList<>(directory.activeEmployeesInSubtree(unit.id()));
            if (chair == null || people.size() < 10) {
                continue;
            }
            people.remove(chair.employeeId());
            for (int i = 0; i < 4; i++) {
                Story past = PAST.get(random.nextInt(PAST.size()));
                int first = 30 + random.nextInt(321);
                int last = Math.max(1, first - 5 - random.nextInt(40));
                EmployeeSummary author = directory.employee(people.get(random.nextInt(people.size()))).orElseThrow();
                suggestion(employee(author), chair, unit.id(), chair, committee, new Story(past.idea(), past.stop(),
                        past.note(), past.value(), past.valueNote(), first, last));
            }
        }
    }

    /**
     * A round over the management centre's officers half a year ago: each officer scored by up to eight of 240 members
     * of the centre picked at random (enough for most results to show), the ballots counted, the round then moved into
     * the past.
     */
    private void pastEvaluation(long centreId) {
        LocalDate today = LocalDate.now();
        int daysAgo = 180;
        Viewer organiser = officerOf(centreId, null);
        if (organiser == null) {
            return;
        }
        long round = voice.evaluation(organiser, centreId, today.minusDays(daysAgo).getYear() + "年上半年工会干部民主评议",
                CRITERIA, today.minusDays(1), today.plusDays(1));
        Random random = new Random(seed * 17 + 11);
        Map<Long, Integer> ballots = new HashMap<>();
        List<Long> people = new ArrayList<>(directory.activeEmployeesInSubtree(centreId));
        Collections.shuffle(people, random);
        for (long id : people.subList(0, Math.min(240, people.size()))) {
            if (!members.isMember(id)) {
                continue;
            }
            Viewer voter = directory.employee(id).map(this::employee).orElseThrow();
            for (long evaluee : voice.evalueesFor(voter, round)) {
                if (ballots.getOrDefault(evaluee, 0) < 8) {
                    voice.vote(voter, round, evaluee, List.of(3 + random.nextInt(3), 3 + random.nextInt(3),
                            3 + random.nextInt(3), 3 + random.nextInt(3)), "");
                    ballots.merge(evaluee, 1, Integer::sum);
                }
            }
        }
        voice.mix();
        voice.backdateEvaluation(round, daysAgo);
    }

    /**
     * A round over the station's officers — its chair and a vice-chair named from its members — with six members'
     * ballots on the chair (counted and shown) and three on the vice-chair (too few to show).
     */
    private void evaluation(long stationId, Viewer organiser, List<EmployeeSummary> colleagues, long chair) {
        List<EmployeeSummary> memberColleagues = colleagues.stream().filter(e -> members.isMember(e.id())).toList();
        if (memberColleagues.size() < 8) {
            return;
        }
        EmployeeSummary vice = memberColleagues.getLast();
        accounts.grant(vice.employeeNo(), Role.OFFICER, stationId, "副主席");
        LocalDate today = LocalDate.now();
        long round = voice.evaluation(organiser, stationId, today.getYear() + "年度工会干部民主评议", CRITERIA,
                today.minusDays(6), today.plusDays(8));
        Random random = new Random(seed * 17 + 10);
        String[] comments = {"服务热情，职工有事找得到人", "希望多到夜班一线听听意见", "", "", "职工之家管理得好", ""};
        List<EmployeeSummary> voters = memberColleagues.subList(0, 6);
        for (int i = 0; i < voters.size(); i++) {
            Viewer voter = employee(voters.get(i));
            List<Long> may = voice.evalueesFor(voter, round);
            if (may.contains(chair)) {
                voice.vote(voter, round, chair, List.of(4 + random.nextInt(2), 3 + random.nextInt(3),
                        3 + random.nextInt(2), 4 + random.nextInt(2)), comments[i]);
            }
            if (i < 3 && may.contains(vice.id())) {
                voice.vote(voter, round, vice.id(), List.of(3 + random.nextInt(3), 3 + random.nextInt(2),
                        4, 3 + random.nextInt(3)), "");
            }
        }
        voice.mix();
    }
}
