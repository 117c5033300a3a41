package org.tongxin.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.identity.AccountSetup;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.voice.VoiceSetup;
import org.tongxin.voice.VoiceSetup.SurveyQuestion;

/**
 * The demo enterprise's surveys: at the company union an anonymous staff-canteen survey, open, with forty responses
 * counted (the demo employee can still answer it) and an anonymous survey on culture after the merger that ran last
 * month; at the demo toll station a small named survey on the workers' home, which the demo employee has answered.
 */
@Component
class SurveyDemo {

    private final VoiceSetup voice;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final long seed;

    SurveyDemo(VoiceSetup voice, AccountSetup accounts, OrgDirectory directory,
               @Value("${tongxin.demo.seed:2026}") long seed) {
        this.voice = voice;
        this.accounts = accounts;
        this.directory = directory;
        this.seed = seed;
    }

    private Viewer employee(EmployeeSummary e) {
        return new Viewer(accounts.accountId(e.employeeNo()), e.id(), e.name(), Set.of(Role.EMPLOYEE), Set.of(), Set.of(),
                false);
    }

    /**
     * @param committee the demo committee member, who runs the company union's surveys
     * @param officer   the demo officer, chair of the toll station's union
     * @param demo      the demo employee
     * @param colleagues people of the toll station besides the demo logins
     */
    void load(long companyId, long stationId, Viewer committee, Viewer officer, Viewer demo,
              List<EmployeeSummary> colleagues) {
        Random random = new Random(seed * 31 + 29);
        List<Long> everyone = new ArrayList<>(directory.activeEmployeesInSubtree(companyId));
        everyone.remove(demo.employeeId());
        everyone.remove(officer.employeeId());
        everyone.remove(committee.employeeId());
        Collections.shuffle(everyone, random);
        List<EmployeeSummary> people = new ArrayList<>(directory.employees(everyone.subList(0,
                Math.min(120, everyone.size()))).values());
        people.sort((a, b) -> a.employeeNo().compareTo(b.employeeNo()));
        Collections.shuffle(people, random);
        LocalDate today = LocalDate.now();

        long canteen = voice.survey(committee, companyId, "职工食堂满意度调查",
                "为办好职工食堂，工会请大家对食堂饭菜、价格和服务打分。本问卷匿名，谁填了什么不会被任何人看到，约 2 分钟。",
                "EMPLOYEES", today.minusDays(7), today.plusDays(14), true, List.of(
                        SurveyQuestion.single("你平时在哪里就餐最多？", "本单位食堂", "管理中心食堂", "服务区职工餐厅",
                                "很少在食堂就餐"),
                        SurveyQuestion.scale("总体来说，你对食堂饭菜满意吗？", 5, "很不满意", "非常满意"),
                        SurveyQuestion.scale("饭菜价格是否合理？", 5, "很不合理", "很合理"),
                        SurveyQuestion.multiple("你最希望食堂改进哪些方面？（最多选 3 项）", 3, "菜品花样", "口味", "分量",
                                "价格", "卫生", "夜班供餐", "就餐环境", "服务态度"),
                        SurveyQuestion.single("夜班是否需要提供热餐？", "需要", "不需要", "无所谓"),
                        SurveyQuestion.scale("你愿意向同事推荐食堂的程度", 10, "完全不会", "一定会"),
                        SurveyQuestion.text("其他意见和建议", false)), true);
        String[] canteenTexts = {"希望周末也能开早餐", "夜班能有一碗热面条就很好了", "菜太咸了，少放点盐",
                "建议每周公布菜谱", "价格可以，就是菜品老几样", "打饭的师傅态度很好", "希望增加杂粮和水果",
                "餐厅空调夏天不够凉", "能不能提供预订盒饭，交班晚了就没饭了", "卫生很好，点赞"};
        int answered = 0;
        for (EmployeeSummary p : people) {
            if (answered == 40) {
                break;
            }
            Viewer v = employee(p);
            if (!voice.mayRespond(v, canteen)) {
                continue;
            }
            int satisfaction = weighted(random, 1, 3, 8, 17, 11);
            List<String> choices = new ArrayList<>();
            for (int i : pick(random, 8, 1 + random.nextInt(3), new int[]{9, 5, 3, 6, 4, 8, 3, 2})) {
                choices.add(Integer.toString(i));
            }
            voice.respond(v, canteen, List.of(
                    List.of(Integer.toString(weighted(random, 18, 7, 6, 4) - 1)),
                    List.of(Integer.toString(satisfaction)),
                    List.of(Integer.toString(weighted(random, 2, 4, 10, 15, 9))),
                    choices,
                    List.of(Integer.toString(weighted(random, 24, 6, 5) - 1)),
                    List.of(Integer.toString(Math.min(10, Math.max(1, satisfaction * 2 - 1 + random.nextInt(3))))),
                    random.nextInt(10) < 3 ? List.of(canteenTexts[random.nextInt(canteenTexts.length)]) : List.of()));
            answered++;
            if (answered % 10 == 0) {
                voice.mixSurveys();
            }
        }
        voice.mixSurveys();

        long culture = voice.survey(committee, companyId, "并购后文化融合调查",
                "公司合并一年了。工会想了解大家对新公司的认同、同事相处和沟通的感受，为明年的文化融合活动做准备。本问卷匿名。",
                "MEMBERS", today, today.plusDays(20), true, List.of(
                        SurveyQuestion.single("你原来属于哪家公司？", "原高速公路公司", "原路桥建设公司", "合并后入职"),
                        SurveyQuestion.scale("你对新公司的认同感", 5, "很低", "很高"),
                        SurveyQuestion.scale("与原来另一家公司的同事相处是否融洽？", 5, "很不融洽", "非常融洽"),
                        SurveyQuestion.multiple("你觉得哪些活动最有助于大家相互了解？", null, "联合技能比武", "文体比赛",
                                "读书分享会", "交流座谈", "志愿服务", "家庭开放日"),
                        SurveyQuestion.text("你对文化融合有什么建议？", false)), true);
        String[] cultureTexts = {"两边的制度差别还是大，希望尽快统一", "多搞一些跨单位的比赛", "老同事之间还是各说各的",
                "希望领导多下基层听听意见", "食堂和班车统一后方便多了"};
        answered = 0;
        for (EmployeeSummary p : people.reversed()) {
            if (answered == 32) {
                break;
            }
            Viewer v = employee(p);
            if (!voice.mayRespond(v, culture)) {
                continue;
            }
            List<String> activities = new ArrayList<>();
            for (int i : pick(random, 6, 1 + random.nextInt(3), new int[]{6, 8, 3, 5, 4, 3})) {
                activities.add(Integer.toString(i));
            }
            voice.respond(v, culture, List.of(
                    List.of(Integer.toString(weighted(random, 14, 10, 6) - 1)),
                    List.of(Integer.toString(weighted(random, 1, 4, 11, 11, 5))),
                    List.of(Integer.toString(weighted(random, 1, 3, 9, 13, 6))),
                    activities,
                    random.nextInt(10) < 3 ? List.of(cultureTexts[random.nextInt(cultureTexts.length)]) : List.of()));
            answered++;
        }
        voice.mixSurveys();
        voice.backdateSurvey(culture, 35);
        voice.mixSurveys();

        long home = voice.survey(officer, stationId, "职工之家活动意向调查",
                "职工之家准备添置器材、安排活动，请大家说说想要什么。本问卷实名，方便我们联系愿意带头组织的同事。",
                "EMPLOYEES", today.minusDays(3), today.plusDays(10), false, List.of(
                        SurveyQuestion.multiple("你希望职工之家增加哪些活动？", null, "羽毛球", "乒乓球", "健身器材",
                                "读书分享", "书法绘画", "亲子活动"),
                        SurveyQuestion.single("你方便参加活动的时间", "白班下班后", "夜班交班后", "休息日", "都可以"),
                        SurveyQuestion.scale("你对现在的职工之家满意吗？", 5, "很不满意", "非常满意"),
                        SurveyQuestion.text("你愿意组织或带领哪项活动？", false)), true);
        String[] volunteer = {"可以带乒乓球", "", "读书分享我来组织", "", "", "愿意教书法"};
        voice.respond(demo, home, List.of(List.of("0", "3"), List.of("2"), List.of("3"), List.of("羽毛球可以算我一个")));
        for (int i = 0; i < colleagues.size() && i < 6; i++) {
            Viewer v = employee(colleagues.get(i));
            if (!voice.mayRespond(v, home)) {
                continue;
            }
            List<String> wishes = new ArrayList<>();
            for (int k : pick(random, 6, 1 + random.nextInt(3), new int[]{6, 7, 5, 3, 2, 4})) {
                wishes.add(Integer.toString(k));
            }
            voice.respond(v, home, List.of(wishes, List.of(Integer.toString(random.nextInt(4))),
                    List.of(Integer.toString(weighted(random, 0, 1, 3, 2, 1))),
                    volunteer[i].isEmpty() ? List.of() : List.of(volunteer[i])));
        }
    }

    /** A value from 1 to the number of weights, drawn with those weights. */
    private static int weighted(Random random, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i + 1;
            }
        }
        return weights.length;
    }

    /** {@code n} distinct indices below {@code size}, drawn with the weights. */
    private static List<Integer> pick(Random random, int size, int n, int[] weights) {
        List<Integer> out = new ArrayList<>();
        while (out.size() < Math.min(n, size)) {
            int i = weighted(random, weights) - 1;
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        Collections.sort(out);
        return out;
    }
}
