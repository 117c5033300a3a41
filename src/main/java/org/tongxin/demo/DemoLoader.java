package org.tongxin.demo;

import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activity.ActivitySetup;
import org.tongxin.activity.ResultsSetup;
import org.tongxin.activity.VenueSetup;
import org.tongxin.activity.VolunteerSetup;
import org.tongxin.care.CareSetup;
import org.tongxin.demo.EnterpriseGenerator.UnitPlan;
import org.tongxin.identity.AccountSetup;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.Notifications;
import org.tongxin.notify.NotifySetup;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * On the first start with an empty database (and {@code tongxin.demo.enabled}), creates the demo
 * enterprise and four log-ins to try it with, all in one transaction: a failure leaves the database
 * empty and the next start tries again. Runs before the first-admin set-up so the admin gets the demo password.
 */
@Component
@Order(-10)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    static final String DEMO_PASSWORD = "Tongxin@2026";
    static final String OFFICER_UNIT = "蒲江收费站分会";

    private final boolean enabled;
    private final long seed;
    private final Scale scale;
    private final OrgDirectory directory;
    private final OrgSetup org;
    private final AccountSetup accounts;
    private final Notifications notifications;
    private final MembershipSetup membership;
    private final CareSetup care;
    private final ActivitySetup activities;
    private final MemberDirectory memberDirectory;
    private final VenueSetup venues;
    private final ResultsSetup results;
    private final VolunteerSetup volunteering;
    private final ActivityYearDemo activityYear;
    private final LibraryDemo library;
    private final TrainingDemo training;
    private final PublicityDemo publicity;
    private final VoiceDemo voice;
    private final LiveDemo live;
    private final RightsDemo rights;
    private final OffersDemo offers;
    private final DuesDemo dues;
    private final WelfareDemo welfare;
    private final CareYearDemo careYear;
    private final NotifySetup notices;

    DemoLoader(@Value("${tongxin.demo.enabled:true}") boolean enabled, @Value("${tongxin.demo.seed:2026}") long seed,
               @Value("${tongxin.demo.scale:DEMO}") Scale scale, OrgDirectory directory, OrgSetup org,
               AccountSetup accounts, Notifications notifications, MembershipSetup membership, CareSetup care,
               ActivitySetup activities, MemberDirectory memberDirectory, VenueSetup venues,
               ResultsSetup results, VolunteerSetup volunteering, ActivityYearDemo activityYear,
               LibraryDemo library, TrainingDemo training,
               PublicityDemo publicity, VoiceDemo voice, LiveDemo live, RightsDemo rights,
               NotifySetup notices, OffersDemo offers, DuesDemo dues, WelfareDemo welfare, CareYearDemo careYear) {
        this.offers = offers;
        this.welfare = welfare;
        this.careYear = careYear;
        this.activities = activities;
        this.memberDirectory = memberDirectory;
        this.enabled = enabled;
        this.seed = seed;
        this.scale = scale;
        this.directory = directory;
        this.org = org;
        this.accounts = accounts;
        this.notifications = notifications;
        this.membership = membership;
        this.care = care;
        this.venues = venues;
        this.results = results;
        this.volunteering = volunteering;
        this.activityYear = activityYear;
        this.library = library;
        this.training = training;
        this.publicity = publicity;
        this.voice = voice;
        this.live = live;
        this.rights = rights;
        this.dues = dues;
        this.notices = notices;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || !directory.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        accounts.ensureAdmin(DEMO_PASSWORD, true);
        Viewer system = accounts.systemViewer();
        EnterpriseGenerator generator = new EnterpriseGenerator(seed);
        List<UnitPlan> plan = generator.units(scale);
        Map<Integer, OrgUnit> created = new HashMap<>();
        Map<String, Integer> unitOfDepartment = new HashMap<>();
        for (UnitPlan u : plan) {
            OrgUnit unit = u.besideKey() != null
                    ? org.createPartner(created.get(u.besideKey()).id(), u.name(), u.kind())
                    : org.createUnit(u.parentKey() == null ? null : created.get(u.parentKey()).id(), u.name(), u.kind());
            created.put(u.key(), unit);
            if (u.departmentCode() != null) {
                org.createDepartment(u.departmentCode(), u.departmentName(), unit.id());
                unitOfDepartment.put(u.departmentCode(), u.key());
            }
        }
        List<HrRow> rows = new ArrayList<>(scale.employees());
        generator.employees(plan, 100_001, scale.employees(), rows::add);
        org.importEmployees(system, "demo-enterprise.xlsx", rows);
        org.recordHeadcountHistory(12);

        UnitPlan company = plan.getFirst();
        // The hand-shaped demo has the named toll station; the benchmark scales take their first branch.
        UnitPlan tollStation = plan.stream().filter(u -> u.name().equals(OFFICER_UNIT)).findFirst()
                .or(() -> plan.stream().filter(u -> u.kind() == UnitKind.BRANCH).findFirst()).orElseThrow();
        HrRow officer = firstIn(rows, plan, unitOfDepartment, tollStation.key(), u -> true);
        HrRow employee = rows.stream().filter(r -> isUnder(plan, unitOfDepartment.get(r.departmentCode()),
                tollStation.key()) && !r.equals(officer)).findFirst().orElseThrow();
        HrRow committee = Optional.ofNullable(
                        firstIn(rows, plan, unitOfDepartment, company.key(), u -> u.name().startsWith("党群工作部")))
                .orElseGet(() -> rows.stream().filter(r -> !r.equals(officer) && !r.equals(employee)).findFirst()
                        .orElseThrow());

        accounts.grant(committee.employeeNo(), Role.COMMITTEE, null, null);
        accounts.grant(committee.employeeNo(), Role.OFFICER, created.get(company.key()).id(), "副主席");
        accounts.grant(officer.employeeNo(), Role.OFFICER, created.get(tollStation.key()).id(), "主席");
        // Chairs look after their people: each holds the care right for the unit they chair.
        accounts.grant(officer.employeeNo(), Role.CARE, created.get(tollStation.key()).id(), null);
        Set<HrRow> officersAndCommittee = new HashSet<>();
        for (UnitPlan u : plan) {
            if (u.kind() == UnitKind.GRASSROOTS_UNION && u.key() != tollStation.key()) {
                HrRow chair = firstIn(rows, plan, unitOfDepartment, u.key(), x -> true);
                if (chair != null && !chair.equals(officer) && !chair.equals(employee)) {
                    accounts.grant(chair.employeeNo(), Role.OFFICER, created.get(u.key()).id(), "主席");
                    accounts.grant(chair.employeeNo(), Role.CARE, created.get(u.key()).id(), null);
                    officersAndCommittee.add(chair);
                }
            }
        }
        for (String login : List.of(committee.employeeNo(), officer.employeeNo(), employee.employeeNo())) {
            accounts.setTemporaryPassword(login, DEMO_PASSWORD);
        }
        officersAndCommittee.add(officer);
        officersAndCommittee.add(committee);
        enrolMembers(rows, created, unitOfDepartment, employee, officersAndCommittee);
        noticeSettings(officer, employee);
        long stationId = created.get(tollStation.key()).id();
        OffsetDateTime now = OffsetDateTime.now();
        membership.ceremony(stationId, "2026年第三季度新会员入会仪式", now.minusDays(45).withHour(15).withMinute(0),
                "蒲江收费站职工之家", system.accountId(), LocalDate.now().minusYears(10), true);
        membership.ceremony(stationId, "2026年第四季度新会员入会仪式", now.plusDays(10).withHour(15).withMinute(0),
                "蒲江收费站职工之家", system.accountId(), now.minusDays(45).toLocalDate(), false);

        careStories(rows, plan, created, unitOfDepartment, ids(rows), system.accountId(),
                List.of(officer, employee, committee), created.get(tollStation.key()).id());
        careYear.load(created.values(), stationId, List.of(officer, employee, committee), system.accountId());
        activityStories(rows, created, unitOfDepartment, company, stationId, system.accountId(),
                List.of(officer, employee, committee));
        venueStories(plan, created, tollStation, officer, committee);
        resultsStories(rows, created, unitOfDepartment, created.get(company.key()).id(), stationId,
                List.of(officer, employee, committee));
        volunteerStories(rows, plan, created, unitOfDepartment, List.of(officer, employee, committee),
                tollStation.key(), created.get(company.key()).id());
        activityYear.load(created.values(), stationId, List.of(officer, employee, committee), system.accountId(),
                accounts.accountId(officer.employeeNo()), accounts.accountId(committee.employeeNo()));
        library.load(created.values(), stationId, List.of(officer, employee, committee));
        training.load(system, created.get(company.key()).id(), officer.employeeNo(), committee.employeeNo(),
                employee.employeeNo());
        publicity.load(system, created.values(), stationId, List.of(officer, employee, committee));
        voice.load(created.values(), stationId, List.of(officer, employee, committee));
        live.load(stationId, List.of(officer, employee, committee));
        rights.load(created.values(), stationId, List.of(officer, employee, committee));
        offers.load(created.values(), stationId, List.of(officer, employee, committee));
        dues.load(List.copyOf(created.values()), stationId, List.of(officer, employee, committee));
        welfare.load(created.values(), stationId, List.of(officer, employee, committee));

        notifications.notifySubtree(created.get(company.key()).id(),
                Message.of(NoticeKind.ACCOUNT, "demo.welcome", "/me"));

        log.info("""
                        Demo enterprise created in {} ms: {} units, {} employees. Demo log-ins (password {}, \
                        to be changed at first log-in):
                          admin        {}
                          committee    {} ({})
                          officer      {} ({}, {})
                          employee     {} ({})""",
                (System.nanoTime() - started) / 1_000_000, plan.size(), rows.size(), DEMO_PASSWORD,
                AccountSetup.ADMIN_USERNAME, committee.employeeNo(), committee.name(), officer.employeeNo(),
                officer.name(), tollStation.name(), employee.employeeNo(), employee.name());
    }

    /**
     * The demo employee keeps quiet hours at night and has activities and the library on 企业微信 only; the demo
     * officer gets a daily digest at 18:00. Everything else stays on the enterprise's default channels.
     */
    private void noticeSettings(HrRow officer, HrRow employee) {
        Map<String, Long> ids = directory.employeeIdsByNumber(List.of(officer.employeeNo(), employee.employeeNo()));
        notices.settings(ids.get(employee.employeeNo()), LocalTime.of(22, 0), LocalTime.of(7, 0), null,
                Map.of(NoticeKind.ACTIVITY, Set.of("WECOM"), NoticeKind.LIBRARY, Set.of("WECOM")));
        notices.settings(ids.get(officer.employeeNo()), null, null, LocalTime.of(18, 0), Map.of());
    }

    /**
     * About seven in ten employees are members (all officers among them), joined some time after they
     * were hired; those who joined in the last two years applied online a few days before, and a few
     * others were turned down over the past year; a dozen have applications waiting, the oldest past its
     * deadline. The demo's plain employee is not a member yet, so a newcomer sees "申请入会".
     */
    private void enrolMembers(List<HrRow> rows, Map<Integer, OrgUnit> created, Map<String, Integer> unitOfDepartment,
                              HrRow notYet, Set<HrRow> officersAndCommittee) {
        Map<String, Long> ids = ids(rows);
        Random random = new Random(seed);
        LocalDate today = LocalDate.now();
        int pending = 0;
        int rejected = 0;
        LocalDate applicationsSince = today.minusYears(2);
        // Application days draw from their own sequence: who is a member stays as it was.
        Random applied = new Random(seed + 3);
        for (HrRow r : rows) {
            long unitId = created.get(unitOfDepartment.get(r.departmentCode())).id();
            long id = ids.get(r.employeeNo());
            int dice = random.nextInt(100);
            if (r.equals(notYet)) {
                continue;
            }
            // Union officers are members, whatever the dice say.
            if (dice < 70 || officersAndCommittee.contains(r)) {
                LocalDate hired = LocalDate.parse(r.hireDate());
                long span = Math.max(1, today.toEpochDay() - hired.toEpochDay());
                // One in ten joined within the last six weeks: the next joining ceremony has people to invite.
                LocalDate joined = dice < 7 ? today.minusDays(1 + random.nextInt(40))
                        : hired.plusDays(random.nextLong(Math.min(span, 365 * 3)));
                LocalDate joinedOn = joined.isBefore(hired) ? hired : joined;
                if (joinedOn.isAfter(applicationsSince)) {
                    membership.enrolByApplication(id, unitId, joinedOn.minusDays(1 + applied.nextInt(12)), joinedOn);
                } else {
                    membership.enrol(id, unitId, joinedOn);
                }
            } else if (dice < 72 && pending < 12) {
                membership.pendingApplication(id, unitId, today.minusDays(pending == 0 ? 30 : pending));
                pending++;
            } else if (dice < 74 && rejected < 24) {
                LocalDate submitted = today.minusDays(20 + applied.nextInt(340));
                membership.rejectedApplication(id, unitId, submitted, submitted.plusDays(2 + applied.nextInt(15)),
                        "入会材料不全，请补充劳动合同信息后重新申请。");
                rejected++;
            }
        }
    }

    private static String departmentName(List<UnitPlan> plan, Map<String, Integer> unitOfDepartment, HrRow row) {
        return plan.get(unitOfDepartment.get(row.departmentCode())).departmentName();
    }

    private Map<String, Long> ids(List<HrRow> rows) {
        return directory.employeeIdsByNumber(rows.stream().map(HrRow::employeeNo).toList());
    }

    /**
     * A merger of management centres seen from the union: moves in all four directions, and care cases
     * open, overdue and closed, one of them at the demo officer's toll station.
     */
    private void careStories(List<HrRow> rows, List<UnitPlan> plan, Map<Integer, OrgUnit> created,
                             Map<String, Integer> unitOfDepartment, Map<String, Long> ids, long system,
                             List<HrRow> demoLogins, long stationId) {
        LocalDate today = LocalDate.now();
        String reason = "成都、雅安管理中心合并，收费站撤并调整";
        long merger = care.project("成都、雅安管理中心合并", "MERGER", today.minusDays(60),
                "两个管理中心合并为一个，收费站和养护工区随之调整。", system);
        long closure = care.project("蒲江收费站撤并", "CLOSURE", today.minusDays(5), "撤并后收费人员转岗养护。", system);
        List<HrRow> people = rows.stream().filter(r -> !demoLogins.contains(r)).limit(8).toList();
        String[][] stories = {
                {"G3", "G5", null}, {"G2", "G4", null}, {"G3", "G3", null}, {"G4", "G4", null},
                {"G6", "G3", "closed"}, {"G5", "G2", "overdue"}, {"G4", null, "talked"}, {"G5", "G3", "new"}};
        for (int i = 0; i < people.size() && i < stories.length; i++) {
            HrRow r = people.get(i);
            long unitId = created.get(unitOfDepartment.get(r.departmentCode())).id();
            String state = stories[i][2];
            LocalDate movedOn = "overdue".equals(state) ? today.minusDays(20) : "new".equals(state) ? today.minusDays(1)
                    : today.minusDays(40);
            care.move(ids.get(r.employeeNo()), unitId, movedOn, departmentName(plan, unitOfDepartment, r), r.jobTitle(),
                    stories[i][0], stories[i][1], stories[i][1] == null ? "EARLY_RETIREMENT" : null, reason, merger, system,
                    "closed".equals(state) || "talked".equals(state) ? movedOn.plusDays(2) : null,
                    "在职工之家谈心。收入下降有顾虑，愿意参加养护技能培训。",
                    "closed".equals(state) ? "已适应养护岗位，技能培训已报名" : null);
        }
        HrRow atStation = rows.stream().filter(r -> !demoLogins.contains(r) && !people.contains(r)
                && created.get(unitOfDepartment.get(r.departmentCode())).id() == stationId).findFirst().orElse(null);
        if (atStation != null) {
            care.move(ids.get(atStation.employeeNo()), stationId, today.minusDays(1),
                    departmentName(plan, unitOfDepartment, atStation), atStation.jobTitle(), "G4", "G2", null, "收费站撤并，收费班长转岗养护", closure, system, null, null,
                    null);
        }
        aidStories(rows, created, unitOfDepartment, ids, demoLogins, stationId);
    }

    /**
     * Hardship aid at every stage, this year and last: at the demo officer's toll station one waiting for
     * them, the demo employee's own approved by them and now with the unit above, one approved and one paid
     * last year; elsewhere one declined, one paid and one waiting for the committee.
     */
    private void aidStories(List<HrRow> rows, Map<Integer, OrgUnit> created, Map<String, Integer> unitOfDepartment,
                            Map<String, Long> ids, List<HrRow> demoLogins, long stationId) {
        HrRow officer = demoLogins.get(0);
        HrRow employee = demoLogins.get(1);
        HrRow committee = demoLogins.get(2);
        long officerAccount = accounts.accountId(officer.employeeNo());
        long committeeAccount = accounts.accountId(committee.employeeNo());
        LocalDate today = LocalDate.now();
        LocalDate lastYear = LocalDate.of(today.getYear() - 1, 11, 20);
        long root = created.values().stream().filter(u -> u.parentId() == null).findFirst().orElseThrow().id();
        Map<Long, List<HrRow>> byUnit = new HashMap<>();
        rows.stream().filter(r -> !demoLogins.contains(r)).forEach(r -> byUnit.computeIfAbsent(
                created.get(unitOfDepartment.get(r.departmentCode())).id(), k -> new ArrayList<>()).add(r));
        List<HrRow> station = byUnit.getOrDefault(stationId, List.of());
        List<HrRow> elsewhere = byUnit.entrySet().stream().filter(e -> e.getKey() != stationId && e.getKey() != root)
                .map(e -> e.getValue().getFirst()).limit(2).toList();
        String illness = "母亲突发脑梗住院，已花费医药费四万余元，医保报销后自付约两万元；妻子无固定工作，孩子在读初中。";
        care.aid(ids.get(employee.employeeNo()), stationId, today.minusDays(12), "FAMILY", new BigDecimal("3000"),
                "家中老房在暴雨中受损需要维修，父亲常年患病需人照顾，家庭月收入约四千元。", accounts.accountId(employee.employeeNo()),
                List.of(CareSetup.AidDecision.approval(officerAccount, officer.name(), false, "2000", "情况属实，建议帮扶。")),
                null, null);
        if (station.size() > 3) {
            care.aid(ids.get(station.get(1).employeeNo()), stationId, today.minusDays(2), "ILLNESS", new BigDecimal("5000"),
                    illness, officerAccount, List.of(), null, null);
            care.aid(ids.get(station.get(2).employeeNo()), stationId, today.minusDays(30), "EDUCATION",
                    new BigDecimal("4000"), "孩子今年考上大学，学费和住宿费每年约一万二千元，家中另有老人需要赡养。", officerAccount,
                    List.of(CareSetup.AidDecision.approval(officerAccount, officer.name(), false, "3000", "建议帮扶。"),
                            CareSetup.AidDecision.approval(committeeAccount, committee.name(), true, "3000", "同意。")),
                    null, null);
            care.aid(ids.get(station.get(3).employeeNo()), stationId, lastYear, "DISASTER", new BigDecimal("8000"),
                    "家中房屋在山体滑坡中部分损毁，全家暂住亲戚家。", officerAccount,
                    List.of(CareSetup.AidDecision.approval(officerAccount, officer.name(), false, "8000", "情况属实。"),
                            CareSetup.AidDecision.approval(committeeAccount, committee.name(), true, "6000", "同意。")),
                    lastYear.plusDays(10), "TRANSFER");
        }
        if (elsewhere.size() == 2) {
            HrRow declined = elsewhere.get(0);
            HrRow paid = elsewhere.get(1);
            care.aid(ids.get(declined.employeeNo()), created.get(unitOfDepartment.get(declined.departmentCode())).id(),
                    today.minusDays(25), "OTHER", new BigDecimal("2000"), "购买汽车资金不足。", committeeAccount,
                    List.of(CareSetup.AidDecision.decline(committeeAccount, committee.name(), true,
                            "不属于困难职工帮扶范围：购车不是生活困难。")), null, null);
            care.aid(ids.get(paid.employeeNo()), created.get(unitOfDepartment.get(paid.departmentCode())).id(),
                    today.minusDays(40), "ILLNESS", new BigDecimal("10000"), illness, committeeAccount,
                    List.of(CareSetup.AidDecision.approval(committeeAccount, committee.name(), true, "8000", "同意。")),
                    today.minusDays(30), "CASH");
        }
        byUnit.getOrDefault(root, List.of()).stream().findFirst().ifPresent(r -> care.aid(ids.get(r.employeeNo()), root,
                today.minusDays(5), "ILLNESS", new BigDecimal("6000"), "本人确诊肺癌，正在化疗，需长期自费用药。",
                committeeAccount, List.of(), null, null));
    }

    /**
     * Activities of several hosts: the company union's New Year gala co-hosted with the youth league and the
     * women's committee (sign-up open), a badminton match at the demo officer's station that is full with a
     * waitlist, a spa retreat drawn by lottery, the women's committee's flower class coming up, and a reading
     * session held two weeks ago with its check-ins.
     */
    private void activityStories(List<HrRow> rows, Map<Integer, OrgUnit> created, Map<String, Integer> unitOfDepartment,
                                 UnitPlan company, long stationId, long system, List<HrRow> demoLogins) {
        long companyId = created.get(company.key()).id();
        List<OrgUnit> partners = directory.partnerBodies();
        long youthLeague = partners.stream().filter(p -> p.name().equals("公司团委")).findFirst().orElseThrow().id();
        long women = partners.stream().filter(p -> p.name().equals("公司女职工委员会")).findFirst().orElseThrow().id();
        OffsetDateTime now = OffsetDateTime.now().withMinute(0).withSecond(0).withNano(0);
        Map<String, Long> ids = ids(rows);
        List<Long> station = rows.stream().filter(r -> !demoLogins.contains(r)
                && created.get(unitOfDepartment.get(r.departmentCode())).id() == stationId)
                .map(r -> ids.get(r.employeeNo())).toList();
        List<Long> members = rows.stream().filter(r -> !demoLogins.contains(r)).map(r -> ids.get(r.employeeNo()))
                .filter(memberDirectory::isMember).limit(120).toList();

        long gala = activities.activity("2027年迎新春职工联欢会", "CULTURE_SPORTS",
                "公司工会、团委、女职工委员会联合举办。节目报名和观众报名同时开放，名额有限，先到先得。", "公司职工之家多功能厅",
                now.plusDays(20).withHour(19), now.plusDays(20).withHour(21), now.minusDays(3), now.plusDays(15), 300,
                "MEMBERS", companyId, false, companyId, List.of(youthLeague, women), "PUBLISHED", system);
        members.forEach(e -> activities.register(gala, e, true));

        long badminton = activities.activity("蒲江收费站羽毛球友谊赛", "CULTURE_SPORTS",
                "与雅安管理中心收费站的友谊赛，站区篮球场改羽毛球场地。名额 8 人，满员后进入候补。", "蒲江收费站站区球场",
                now.plusDays(6).withHour(15), now.plusDays(6).withHour(17), now.minusDays(2), now.plusDays(5), 8,
                "EMPLOYEES", stationId, false, stationId, List.of(youthLeague), "PUBLISHED", system);
        station.stream().limit(11).forEach(e -> activities.register(badminton, e, true));

        long retreat = activities.activity("一线职工温泉疗休养（抽签）", "SOLACE",
                "为一线收费、养护职工安排两天一晚疗休养，名额 5 个，报名截止后公开抽签。", "周公山温泉",
                now.plusDays(30).withHour(9), now.plusDays(31).withHour(17), now.minusDays(1), now.plusDays(10), 5,
                "MEMBERS", companyId, true, companyId, List.of(), "PUBLISHED", system);
        members.stream().limit(18).forEach(e -> activities.register(retreat, e, false));

        activities.activity("三八节插花体验课", "TRAINING", "女职工委员会组织，材料由工会提供。", "公司职工书屋",
                now.plusDays(12).withHour(14), now.plusDays(12).withHour(16), now.plusDays(2), now.plusDays(11), 30,
                "EMPLOYEES", companyId, false, women, List.of(companyId), "PUBLISHED", system);

        long reading = activities.activity("“书香同心”读书分享会", "CULTURE_SPORTS", "分享一本最近读过的好书。",
                "蒲江收费站职工书屋", now.minusDays(14).withHour(19), now.minusDays(14).withHour(21), now.minusDays(24),
                now.minusDays(15), 20, "EMPLOYEES", stationId, false, stationId, List.of(youthLeague), "HELD", system);
        station.stream().limit(12).forEach(e -> activities.register(reading, e, true));
        station.stream().limit(10).forEach(e -> activities.checkIn(reading, e, now.minusDays(14).withHour(18).withMinute(55)));
    }

    /**
     * Shared venues of five bodies with bookings in the coming two weeks: at the demo officer's toll station one
     * approved and one from the women's committee waiting for them; the youth league asking the company union for
     * its reading room, waiting for the committee; the toll station booked into its management centre's room.
     */
    private void venueStories(List<UnitPlan> plan, Map<Integer, OrgUnit> created, UnitPlan tollStation, HrRow officer,
                              HrRow committee) {
        long company = created.get(plan.getFirst().key()).id();
        long station = created.get(tollStation.key()).id();
        OrgUnit centre = created.get(tollStation.parentKey());
        Function<UnitKind, Long> firstOfKind = kind -> plan.stream().filter(u -> u.kind() == kind)
                .map(u -> created.get(u.key()).id()).findFirst().orElseThrow();
        long youth = firstOfKind.apply(UnitKind.YOUTH_LEAGUE);
        long women = firstOfKind.apply(UnitKind.WOMEN_COMMITTEE);
        long office = plan.stream().filter(u -> u.kind() == UnitKind.GRASSROOTS_UNION && u.parentKey() != null
                && created.get(u.key()).id() != centre.id()).map(u -> created.get(u.key()).id()).findFirst().orElse(company);
        long officerAccount = accounts.accountId(officer.employeeNo());
        long committeeAccount = accounts.accountId(committee.employeeNo());
        Map<String, Long> people = ids(List.of(officer, committee));
        String centreName = centre.name().endsWith("工会") ? centre.name().substring(0, centre.name().length() - 2)
                : centre.name();
        long home = venues.venue(station, tollStation.name().replace("分会", "") + "职工之家", "WORKERS_HOME",
                "收费站综合楼二楼", 40, "阅览角、乒乓球台、按摩椅、茶歇区。倒班职工下班后可自由使用，集体活动请提前预约。", officerAccount);
        long room = venues.venue(centre.id(), centreName + "活动室", "ACTIVITY_ROOM", "管理中心办公楼三楼", 80,
                "可容纳 80 人，配投影和音响，适合培训、联谊和文艺排练。", committeeAccount);
        long court = venues.venue(company, "公司本部篮球场", "COURT", "公司本部院内东侧", 30, "标准室外篮球场，晚间有照明。",
                committeeAccount);
        long gym = venues.venue(office, "健身房", "GYM", "公司本部综合楼负一楼", 25, "跑步机、动感单车和力量器械，周一至周五 7:00–22:00 开放。",
                committeeAccount);
        long books = venues.venue(company, "职工书屋", "READING_ROOM", "公司本部综合楼一楼", 50,
                "藏书一万余册，设有亲子阅读区和电子阅览区。", committeeAccount);
        record Ask(long venue, long unit, String purpose, int inDays, int fromHour, int toHour, boolean byOfficer,
                   boolean approved) {
        }
        List<Ask> asks = List.of(
                new Ask(home, station, "收费一班业务学习", 1, 14, 16, true, true),
                new Ask(home, women, "女职工插花沙龙", 3, 15, 17, false, false),
                new Ask(room, station, "收费业务技能比武赛前培训", 5, 9, 12, true, true),
                new Ask(court, office, "篮球友谊赛", 2, 18, 20, false, true),
                new Ask(court, youth, "青年篮球训练", 9, 18, 20, false, false),
                new Ask(books, youth, "青年读书会：《平凡的世界》", 6, 19, 21, false, false),
                new Ask(books, women, "亲子阅读日", 10, 10, 12, false, true),
                new Ask(gym, station, "职工健身打卡", 4, 18, 19, true, true),
                new Ask(gym, centre.id(), "中心职工体能测试", 11, 9, 11, false, false));
        LocalDate today = LocalDate.now();
        for (Ask a : asks) {
            HrRow by = a.byOfficer() ? officer : committee;
            LocalDate day = today.plusDays(a.inDays());
            // The toll station's officer keeps its workers' home; the committee answers for the other owners.
            Long approvedBy = !a.approved() ? null : a.venue() == home ? officerAccount : committeeAccount;
            venues.booking(a.venue(), a.unit(), a.purpose(),
                    day.atTime(a.fromHour(), 0).atZone(ZoneId.systemDefault()).toOffsetDateTime(),
                    day.atTime(a.toHour(), 0).atZone(ZoneId.systemDefault()).toOffsetDateTime(),
                    a.byOfficer() ? officerAccount : committeeAccount, people.get(by.employeeNo()), by.name(), approvedBy);
        }
    }

    /**
     * Results shared: two activities of the last weeks led by the company union with the youth league (and the
     * demo officer's toll station, or the women's committee) as co-hosts, each with a summary and a gallery;
     * honours walls at the company union and at the toll station, one honour for the demo employee. The reading
     * session of {@link #activityStories} is left without its summary, for the demo officer to publish.
     */
    private void resultsStories(List<HrRow> rows, Map<Integer, OrgUnit> created, Map<String, Integer> unitOfDepartment,
                                long companyId, long stationId, List<HrRow> demoLogins) {
        HrRow officer = demoLogins.get(0);
        HrRow employee = demoLogins.get(1);
        long officerAccount = accounts.accountId(officer.employeeNo());
        long committeeAccount = accounts.accountId(demoLogins.get(2).employeeNo());
        Map<String, Long> ids = ids(rows);
        Function<HrRow, OrgUnit> unitOf = r -> created.get(unitOfDepartment.get(r.departmentCode()));
        List<Long> partners = created.values().stream()
                .filter(u -> companyId == Optional.ofNullable(u.besideId()).orElse(-1L) && u.kind().isPartner()
                        && u.kind() != UnitKind.PARTY_BRANCH)
                .sorted(Comparator.comparing(OrgUnit::kind)).map(OrgUnit::id).toList();
        List<Long> youthLeague = partners.isEmpty() ? List.of() : List.of(partners.getFirst());
        List<Long> atStation = rows.stream().filter(r -> unitOf.apply(r).id() == stationId).limit(16)
                .map(r -> ids.get(r.employeeNo())).toList();
        List<Long> elsewhere = rows.stream().filter(r -> unitOf.apply(r).id() != stationId && !demoLogins.contains(r))
                .map(r -> ids.get(r.employeeNo())).toList();
        OffsetDateTime now = OffsetDateTime.now().withMinute(0).withSecond(0).withNano(0);

        OffsetDateTime matchDay = now.minusDays(20).withHour(14);
        List<Long> players = new ArrayList<>(atStation);
        players.addAll(elsewhere.subList(0, Math.min(14, elsewhere.size())));
        List<Long> hosts = new ArrayList<>(youthLeague);
        hosts.add(stationId);
        long match = heldActivity("“同心杯”职工篮球友谊赛", "公司工会、公司团委和蒲江收费站分会联合举办，沿线各单位职工组队参加。",
                "蒲江收费站职工之家篮球场", matchDay, companyId, hosts, players, committeeAccount);
        results.summary(match, """
                        沿线 8 个单位组队参赛，赛出了团结，赛出了友谊。蒲江收费站代表队获得冠军，机关代表队获得亚军。
                        比赛间隙开展了“职工之家开放日”，团委为青年职工准备了趣味投篮。
                        下一步：每季度举办一次沿线单位联赛，职工之家篮球场对周边单位开放预约。""",
                List.of(DemoPhotos.photo("“同心杯”开幕式", new Color(200, 16, 46), new Color(255, 166, 77), 1200, 900, 1),
                        DemoPhotos.photo("决赛争夺", new Color(0, 92, 175), new Color(102, 204, 255), 1200, 900, 2),
                        DemoPhotos.photo("冠军合影", new Color(214, 140, 0), new Color(255, 220, 120), 1200, 900, 3)),
                committeeAccount, matchDay.plusDays(2));

        OffsetDateTime walkDay = now.minusDays(8).withHour(9);
        List<Long> walkers = elsewhere.subList(Math.min(14, elsewhere.size()), Math.min(32, elsewhere.size()));
        long walk = heldActivity("“巾帼建功 青春同行”绿道健步走", "公司工会与公司团委、女职工委员会共同举办，沿天府绿道健步 10 公里。",
                "天府绿道新津段", walkDay, companyId, partners, walkers, committeeAccount);
        results.summary(walk, """
                        18 名职工全程走完 10 公里，沿途开展安全知识问答和“随手拍绿道”活动。
                        女职工委员会为参加的女职工准备了健康小礼包，团委把健步走定为每季度一期。""",
                List.of(DemoPhotos.photo("绿道出发", new Color(46, 125, 50), new Color(165, 214, 167), 1200, 900, 4),
                        DemoPhotos.photo("终点合影", new Color(94, 53, 177), new Color(206, 147, 216), 1200, 900, 5)),
                committeeAccount, walkDay.plusDays(1));

        int year = now.getYear() - 1;
        HrRow crew = rows.stream().filter(r -> unitOf.apply(r).name().contains("养护工区") && !demoLogins.contains(r))
                .findFirst().orElse(null);
        HrRow engineer = rows.stream().filter(r -> !demoLogins.contains(r) && !r.equals(crew)
                && unitOf.apply(r).id() != stationId).skip(3).findFirst().orElse(null);
        if (crew != null) {
            results.honour(companyId, "MODEL_WORKER", "公司劳动模范", year,
                    "扎根高速公路养护一线二十年，带领班组完成桥梁伸缩缝更换等急难险重任务，全年零安全事故。",
                    ids.get(crew.employeeNo()), null,
                    DemoPhotos.photo(crew.name(), new Color(200, 16, 46), new Color(255, 200, 80), 800, 800, 6),
                    committeeAccount);
        }
        if (engineer != null) {
            results.honour(companyId, "CRAFTSMAN", "蜀道工匠", year,
                    "自主研制收费车道故障自诊断工具，车道故障处置时间缩短一半，在全公司推广。",
                    ids.get(engineer.employeeNo()), null,
                    DemoPhotos.photo(engineer.name(), new Color(0, 92, 175), new Color(120, 200, 255), 800, 800, 7),
                    committeeAccount);
        }
        results.honour(companyId, "ADVANCED_TEAM", null, year,
                "全年通行费征收零差错，文明服务窗口获得司乘人员一致好评。", null, stationId, null, committeeAccount);
        results.honour(stationId, "OUTSTANDING_VOLUNTEER", null, year,
                "利用休息时间参加“温暖回家路”春运志愿服务 120 小时，帮助滞留司乘 300 余人次。",
                ids.get(employee.employeeNo()), null, null, officerAccount);
        rows.stream().filter(r -> unitOf.apply(r).id() == stationId && !demoLogins.contains(r)).findFirst()
                .ifPresent(r -> results.honour(stationId, "ADVANCED_INDIVIDUAL", null, year,
                        "收费业务技能比武第一名，带教新员工 6 名。", ids.get(r.employeeNo()), null, null, officerAccount));
        created.values().stream().filter(u -> Objects.equals(u.parentId(), stationId)).min(Comparator.comparing(OrgUnit::name))
                .ifPresent(group -> results.honour(stationId, "ADVANCED_TEAM", null, year,
                        "班组连续 365 天安全生产无事故，微笑服务零投诉。", null, group.id(), null, officerAccount));
    }

    /**
     * A past activity for the company's employees, led by the company union, held with {@code attendees} signed up
     * and checked in.
     */
    private long heldActivity(String title, String description, String place, OffsetDateTime startsAt, long companyId,
                              List<Long> coHosts, List<Long> attendees, long by) {
        long id = activities.activity(title, "CULTURE_SPORTS", description, place, startsAt, startsAt.plusHours(3),
                startsAt.minusDays(14), startsAt.minusDays(2), attendees.size() + 10, "EMPLOYEES", companyId, false,
                companyId, coHosts, "HELD", by);
        for (long employee : attendees) {
            activities.register(id, employee, true);
            activities.checkIn(id, employee, startsAt.minusMinutes(10));
        }
        return id;
    }

    /**
     * 春运 volunteering at the demo officer's toll station, co-organised by the company youth league: shifts
     * this year whose hours are confirmed (the demo employee served in two), one recorded and waiting for the
     * committee's confirmation, one ended and waiting for the officer to record it, and shifts to come with
     * places taken (the demo employee holds one). The women's committee runs a second project, company-wide.
     */
    private void volunteerStories(List<HrRow> rows, List<UnitPlan> plan, Map<Integer, OrgUnit> created,
                                  Map<String, Integer> unitOfDepartment, List<HrRow> demoLogins, int stationKey,
                                  long companyId) {
        HrRow officer = demoLogins.get(0);
        long employee = ids(List.of(demoLogins.get(1))).get(demoLogins.get(1).employeeNo());
        long officerAccount = accounts.accountId(officer.employeeNo());
        long committeeAccount = accounts.accountId(demoLogins.get(2).employeeNo());
        long stationId = created.get(stationKey).id();
        Optional<OrgUnit> youthLeague = partnerBeside(created, companyId, UnitKind.YOUTH_LEAGUE);
        Optional<OrgUnit> womenCommittee = partnerBeside(created, companyId, UnitKind.WOMEN_COMMITTEE);
        List<HrRow> colleagues = rows.stream().filter(r -> !demoLogins.contains(r)
                && isUnder(plan, unitOfDepartment.get(r.departmentCode()), stationKey)).limit(8).toList();
        Map<String, Long> ids = ids(colleagues);
        List<Long> team = colleagues.stream().map(r -> ids.get(r.employeeNo())).toList();

        long project = volunteering.project("春运志愿服务 · 收费站便民服务岗",
                "春运期间在收费站广场设便民服务岗：为司乘人员指路、送热水和姜汤，帮助抛锚车辆联系救援，照顾老人和孩子。"
                        + "每班四小时，请穿工装并佩戴志愿者袖标。", "蒲江收费站广场", "EMPLOYEES", stationId, stationId,
                youthLeague.map(u -> List.of(u.id())).orElse(List.of()), "PUBLISHED", officerAccount);
        LocalDate today = LocalDate.now();
        int[] daysAgo = {24, 17, 10, 3, 1};
        for (int i = 0; i < daysAgo.length; i++) {
            LocalDate day = today.minusDays(daysAgo[i]);
            // Early in January the stories all fall on the first day, so that the hours still count this year.
            day = day.getYear() < today.getYear() ? today.withDayOfYear(1) : day;
            OffsetDateTime start = day.atTime(i == 3 ? 14 : 8, 0).atZone(ZoneId.systemDefault()).toOffsetDateTime();
            List<Long> who = new ArrayList<>(team.subList(Math.min(i, team.size()), Math.min(i + 3, team.size())));
            if (i == 0 || i == 2 || i == 3) {
                who.add(employee);
            }
            long shift = volunteering.shift(project, start, start.plusHours(4), null, who.size() + 1);
            volunteering.signUp(shift, who);
            if (i < 3) {
                volunteering.hours(shift, i == 1 && !who.isEmpty() ? List.of(who.getFirst()) : List.of(), officerAccount,
                        committeeAccount, start.plusHours(5));
            } else if (i == 3) {
                volunteering.hours(shift, List.of(), officerAccount, null, start.plusHours(5));
            }
        }
        for (int days : new int[]{4, 11}) {
            OffsetDateTime start = today.plusDays(days).atTime(8, 0).atZone(ZoneId.systemDefault()).toOffsetDateTime();
            long shift = volunteering.shift(project, start, start.plusHours(4), "蒲江收费站出口广场", 6);
            List<Long> who = new ArrayList<>(team.subList(0, Math.min(days == 4 ? 2 : 4, team.size())));
            if (days == 4) {
                who.add(employee);
            }
            volunteering.signUp(shift, who);
        }
        womenCommittee.ifPresent(w -> {
            long books = volunteering.project("爱心助学 · 山区小学图书整理", "为山区小学整理职工捐赠的图书，分类、贴标签、装箱。",
                    "公司职工之家", "EMPLOYEES", companyId, w.id(), youthLeague.map(u -> List.of(u.id())).orElse(List.of()),
                    "PUBLISHED", committeeAccount);
            OffsetDateTime start = today.plusDays(9).atTime(14, 0).atZone(ZoneId.systemDefault()).toOffsetDateTime();
            volunteering.shift(books, start, start.plusHours(3), null, 10);
        });
    }

    private static Optional<OrgUnit> partnerBeside(Map<Integer, OrgUnit> created, long unitId, UnitKind kind) {
        return created.values().stream().filter(u -> u.kind() == kind && Long.valueOf(unitId).equals(u.besideId()))
                .findFirst();
    }

    private static HrRow firstIn(List<HrRow> rows, List<UnitPlan> plan, Map<String, Integer> unitOfDepartment,
                                 int under, Predicate<UnitPlan> unitFilter) {
        return rows.stream().filter(r -> {
            int key = unitOfDepartment.get(r.departmentCode());
            return isUnder(plan, key, under) && unitFilter.test(plan.get(key));
        }).findFirst().orElse(null);
    }

    private static boolean isUnder(List<UnitPlan> plan, Integer key, int ancestor) {
        Integer k = key;
        while (k != null) {
            if (k == ancestor) {
                return true;
            }
            k = plan.get(k).parentKey();
        }
        return false;
    }
}
