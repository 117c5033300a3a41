package org.tongxin.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.activity.ActivitySetup;
import org.tongxin.activity.VolunteerSetup;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;

/**
 * A year of activities and volunteering behind the demo's current stories, for the dashboards' trends: month by
 * month the grassroots unions and a branch of each hold activities, most with their own people, some with the
 * company youth league, the women's committee or a party branch as co-hosts (五个一起), and now and then the youth
 * league or the women's committee holds one alone; most of those signed up came. Volunteer projects of the youth
 * league and of a few unions have two shifts a month whose hours were recorded and confirmed. The demo officer's toll
 * station keeps only its own stories.
 */
@Component
class ActivityYearDemo {

    private static final int MONTHS = 12;
    /** Enough hosts for the top's sub-unit bars to show something, few enough for any scale to load quickly. */
    private static final int MAX_HOSTS = 16;

    private record Idea(String title, String type, String place) {
    }

    private static final Idea[] UNION_IDEAS = {
            new Idea("职工气排球比赛", "CULTURE_SPORTS", "职工之家球场"), new Idea("趣味运动会", "CULTURE_SPORTS", "站区广场"),
            new Idea("春季健步走", "CULTURE_SPORTS", "天府绿道"), new Idea("乒乓球友谊赛", "CULTURE_SPORTS", "职工之家"),
            new Idea("书法摄影作品展", "CULTURE_SPORTS", "综合楼大厅"), new Idea("中秋游园会", "CULTURE_SPORTS", "职工之家"),
            new Idea("拔河比赛", "CULTURE_SPORTS", "站区广场"), new Idea("安全生产知识讲座", "TRAINING", "会议室"),
            new Idea("收费业务技能培训", "TRAINING", "培训室"), new Idea("急救知识与 AED 培训", "TRAINING", "会议室"),
            new Idea("心理健康讲座", "TRAINING", "会议室"), new Idea("夏送清凉慰问一线", "VISIT", "沿线各站点"),
            new Idea("冬送温暖走访困难职工", "VISIT", "职工家中"), new Idea("劳动技能比武", "CONTEST", "培训室")};
    private static final Idea[] YOUTH_IDEAS = {
            new Idea("青年读书会", "CULTURE_SPORTS", "职工书屋"), new Idea("五四青年座谈会", "OTHER", "会议室"),
            new Idea("青年联谊会", "CULTURE_SPORTS", "职工之家"), new Idea("青年志愿者植树", "VOLUNTEERING", "沿线绿化带")};
    private static final Idea[] WOMEN_IDEAS = {
            new Idea("女职工插花沙龙", "CULTURE_SPORTS", "职工之家"), new Idea("女职工健康讲座", "TRAINING", "会议室"),
            new Idea("亲子阅读日", "CULTURE_SPORTS", "职工书屋"), new Idea("女职工瑜伽课", "CULTURE_SPORTS", "职工之家")};

    private final ActivitySetup activities;
    private final VolunteerSetup volunteering;
    private final OrgDirectory directory;
    private final long seed;

    ActivityYearDemo(ActivitySetup activities, VolunteerSetup volunteering, OrgDirectory directory,
                     @Value("${tongxin.demo.seed:2026}") long seed) {
        this.activities = activities;
        this.volunteering = volunteering;
        this.directory = directory;
        this.seed = seed;
    }

    /** A union unit holding activities, with the people they are for and the party branch beside it, if any. */
    private record Host(OrgUnit unit, List<Long> people, Long partyBranch) {
    }

    /**
     * @param demoLogins the demo officer, employee and committee member, in that order
     * @param recorder   the account that recorded the volunteers' hours
     * @param confirmer  another account, that confirmed them
     */
    void load(Collection<OrgUnit> units, long stationId, List<HrRow> demoLogins, long system, long recorder,
              long confirmer) {
        Random random = new Random(seed * 31 + 30);
        Set<Long> skip = new HashSet<>(
                directory.employeeIdsByNumber(demoLogins.stream().map(HrRow::employeeNo).toList()).values());
        skip.addAll(directory.activeEmployeesInSubtree(stationId));
        OrgUnit top = units.stream().filter(u -> u.parentId() == null && u.kind() == UnitKind.COMPANY_UNION)
                .findFirst().orElseThrow();
        Optional<OrgUnit> youth = beside(units, top.id(), UnitKind.YOUTH_LEAGUE);
        Optional<OrgUnit> women = beside(units, top.id(), UnitKind.WOMEN_COMMITTEE);
        List<Host> hosts = hosts(units, top.id(), stationId, skip);
        if (hosts.isEmpty()) {
            return;
        }
        List<Long> everyone = new ArrayList<>(directory.activeEmployeesInSubtree(top.id()));
        everyone.removeAll(skip);
        LocalDate today = LocalDate.now();
        for (int back = MONTHS - 1; back >= 0; back--) {
            YearMonth month = YearMonth.from(today).minusMonths(back);
            int lastDay = back == 0 ? today.getDayOfMonth() - 1 : month.lengthOfMonth();
            if (lastDay < 1) {
                continue;
            }
            for (Host h : hosts) {
                int count = random.nextInt(100) < 20 ? 0 : random.nextInt(100) < 70 ? 1 : 2;
                for (int i = 0; i < count; i++) {
                    unionActivity(h, youth, women, day(month, lastDay, random), system, random);
                }
            }
            if (youth.isPresent() && random.nextInt(100) < 60) {
                alone(youth.get(), top, YOUTH_IDEAS, everyone, day(month, lastDay, random), system, random);
            }
            if (women.isPresent() && random.nextInt(100) < 40) {
                alone(women.get(), top, WOMEN_IDEAS, everyone, day(month, lastDay, random), system, random);
            }
        }
        volunteering(hosts, youth, top, everyone, today, recorder, confirmer, random);
    }

    /**
     * The grassroots unions under the top and the first branch of each, outside the demo officer's station, with
     * people of their own: every sub-unit of the top holds activities.
     */
    private List<Host> hosts(Collection<OrgUnit> units, long topId, long stationId, Set<Long> skip) {
        List<OrgUnit> unions = units.stream()
                .filter(u -> u.kind() == UnitKind.GRASSROOTS_UNION && Long.valueOf(topId).equals(u.parentId()))
                .sorted(Comparator.comparingLong(OrgUnit::id)).toList();
        List<OrgUnit> candidates = new ArrayList<>(unions);
        for (OrgUnit union : unions) {
            units.stream().filter(u -> u.kind() == UnitKind.BRANCH && Long.valueOf(union.id()).equals(u.parentId())
                    && u.id() != stationId).min(Comparator.comparingLong(OrgUnit::id)).ifPresent(candidates::add);
        }
        List<Host> hosts = new ArrayList<>();
        for (OrgUnit u : candidates) {
            if (hosts.size() == MAX_HOSTS) {
                break;
            }
            List<Long> people = new ArrayList<>(directory.activeEmployeesInSubtree(u.id()));
            people.removeAll(skip);
            if (people.size() >= 8) {
                Long party = beside(units, u.id(), UnitKind.PARTY_BRANCH).map(OrgUnit::id).orElse(null);
                hosts.add(new Host(u, people, party));
            }
        }
        return hosts;
    }

    private static Optional<OrgUnit> beside(Collection<OrgUnit> units, long unitId, UnitKind kind) {
        return units.stream().filter(u -> u.kind() == kind && Long.valueOf(unitId).equals(u.besideId())).findFirst();
    }

    private static LocalDate day(YearMonth month, int lastDay, Random random) {
        return month.atDay(1 + random.nextInt(lastDay));
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    /** An activity of a union unit for its people, now and then with partner bodies as co-hosts. */
    private void unionActivity(Host h, Optional<OrgUnit> youth, Optional<OrgUnit> women, LocalDate day, long system,
                               Random random) {
        List<Long> coHosts = new ArrayList<>();
        int dice = random.nextInt(100);
        if (dice < 20 && youth.isPresent()) {
            coHosts.add(youth.get().id());
        } else if (dice < 32 && women.isPresent()) {
            coHosts.add(women.get().id());
        } else if (dice < 40 && h.partyBranch() != null) {
            coHosts.add(h.partyBranch());
        }
        Idea idea = UNION_IDEAS[random.nextInt(UNION_IDEAS.length)];
        String name = h.unit().name().replace("工会", "").replace("分会", "");
        held(name + idea.title(), idea, h.unit().id(), h.unit().id(), coHosts, h.people(), day, system, random);
    }

    /** An activity the youth league or the women's committee holds alone, for the whole company. */
    private void alone(OrgUnit body, OrgUnit top, Idea[] ideas, List<Long> everyone, LocalDate day, long system,
                       Random random) {
        Idea idea = ideas[random.nextInt(ideas.length)];
        held(idea.title(), idea, body.id(), top.id(), List.of(), everyone, day, system, random);
    }

    /** A held activity: most of the places taken, most of those who signed up checked in. */
    private void held(String title, Idea idea, long lead, long audience, List<Long> coHosts, List<Long> pool,
                      LocalDate day, long system, Random random) {
        OffsetDateTime start = at(day, new int[]{9, 14, 19}[random.nextInt(3)]);
        int capacity = 15 + random.nextInt(36);
        int signedUp = Math.min(pool.size(), capacity * (60 + random.nextInt(41)) / 100);
        int came = signedUp * (65 + random.nextInt(31)) / 100;
        List<Long> people = new ArrayList<>(pool);
        Collections.shuffle(people, random);
        OffsetDateTime end = start.plusHours(2 + random.nextInt(2));
        long id = activities.activity(title, idea.type(), "", idea.place(), start, end, start.minusDays(14),
                start.minusDays(1), capacity, "EMPLOYEES", audience, false, lead, coHosts, "HELD", system);
        activities.attendance(id, people.subList(0, signedUp), came, start.minusDays(7), start.minusMinutes(10));
    }

    /**
     * The youth league's volunteer team and a project of each of the first five hosts, each with two shifts a month
     * of three to six volunteers, their hours recorded and confirmed (now and then someone did not come).
     */
    private void volunteering(List<Host> hosts, Optional<OrgUnit> youth, OrgUnit top, List<Long> everyone,
                              LocalDate today, long recorder, long confirmer, Random random) {
        record Project(long id, List<Long> people) {
        }
        List<Project> projects = new ArrayList<>();
        youth.ifPresent(y -> projects.add(new Project(volunteering.project("青年志愿者 · 高速公路畅行服务",
                "节假日高峰在收费站和服务区疏导车流、为司乘送水、解答路况。", "沿线收费站和服务区", "EMPLOYEES", top.id(),
                y.id(), List.of(), "PUBLISHED", recorder), everyone)));
        String[] kinds = {"服务区便民服务", "关爱留守儿童", "社区义务维修", "道路救援志愿岗", "敬老院慰问服务"};
        for (int i = 0; i < Math.min(kinds.length, hosts.size()); i++) {
            Host h = hosts.get(i);
            String name = h.unit().name().replace("工会", "").replace("分会", "");
            projects.add(new Project(volunteering.project(name + " · " + kinds[i], "每班四小时，请穿工装、佩戴志愿者袖标。", null,
                    "EMPLOYEES", h.unit().id(), h.unit().id(), List.of(), "PUBLISHED", recorder), h.people()));
        }
        for (int back = MONTHS - 1; back >= 0; back--) {
            YearMonth month = YearMonth.from(today).minusMonths(back);
            int lastDay = back == 0 ? today.getDayOfMonth() - 2 : month.lengthOfMonth();
            if (lastDay < 1) {
                continue;
            }
            for (Project p : projects) {
                for (int s = 0; s < 2; s++) {
                    OffsetDateTime start = at(day(month, lastDay, random), random.nextBoolean() ? 8 : 14);
                    List<Long> people = new ArrayList<>(p.people());
                    Collections.shuffle(people, random);
                    List<Long> who = people.subList(0, Math.min(people.size(), 3 + random.nextInt(4)));
                    long shift = volunteering.shift(p.id(), start, start.plusHours(4), null, who.size());
                    volunteering.signUp(shift, who);
                    List<Long> absent = random.nextInt(100) < 25 ? List.of(who.getFirst()) : List.of();
                    volunteering.hours(shift, absent, recorder, confirmer, start.plusHours(5));
                }
            }
        }
    }
}
