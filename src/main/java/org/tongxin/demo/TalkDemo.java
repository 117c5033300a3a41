package org.tongxin.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The demo's discussions (交流探讨): a lively topic at the company union on bringing the two cultures together after
 * the merger — posts and replies from people all over the company over the past ten days, likes, one post held for
 * a listed word and waiting for the committee, one off-topic post hidden — and an older topic at the demo toll
 * station on the night-shift rota, locked once its views were gathered.
 */
@Component
class TalkDemo {

    /** A post and the replies to it, each reply written by the next author in turn. */
    record Story(String post, List<String> replies) {
    }

    static final List<Story> MERGER = List.of(
            new Story("我是原路桥公司调过来的，最大的感受是这边的交接班制度特别细，一开始不习惯，现在觉得确实减少了差错。"
                    + "建议把交接班要点做成小卡片，新调过来的同事一看就懂。",
                    List.of("同感！交接班卡片这个主意好，我们站可以先试起来。", "工会可以统一设计印制，各站按需领取。")),
            new Story("班组里两边的人各说各的叫法，比如“岗亭”和“收费亭”，“保通”和“养护”，刚开始开会经常对不上。"
                    + "建议编一份简单的术语对照表。", List.of("支持，有时候交接都得来回确认好几遍。")),
            new Story("建议多搞一些混编的班组活动，篮球赛、拔河、登山都行，比开会更能拉近距离。",
                    List.of("下个月的职工运动会可以按混编组队报名。")),
            new Story("原来我们那边每月有一次“班组恳谈会”，大家有话直说，干部现场答复，效果很好，建议推广。",
                    List.of("恳谈会要有人记录、有回音，不然开几次就没人说了。")),
            new Story("轮岗交流是好事，但是住得远的同事通勤压力很大，希望排班时能考虑一下路程。",
                    List.of("同意，住得远的可以优先安排白班或者集中排班。")),
            new Story("文化融合不只是标语，关键是干部带头。建议中层干部到一线跟班，和大家一起上一次夜班。",
                    List.of("赞成，跟一次班比开十次会都有用。")),
            new Story("新员工入职培训能不能加一节公司发展史，讲讲两家公司各自的来历和重组的意义？", List.of()),
            new Story("感觉合并以后考核标准更透明了，以前很多事说不清楚，现在有章可循。", List.of()),
            new Story("职工书屋可以开一个“我们的故事”专栏，收集两边老职工的口述故事，编成小册子。",
                    List.of("这个好，老师傅们的经历很多年轻人都没听过。")),
            new Story("站里新来了三位原路桥公司的师傅，养护技术很过硬。建议搞一次“师带徒”结对，互相学习。",
                    List.of("师带徒的学时能不能算进培训记录？")),
            new Story("希望食堂的口味也融合一下，两边的饮食习惯不太一样，可以轮换着来。",
                    List.of("食堂每周可以安排一天“家乡菜”。")),
            new Story("制度统一后有些审批要跑好几个部门，建议梳理一下流程，能合并的合并。",
                    List.of("可以在职工之声里提合理化建议，会有专人跟进办理。")),
            new Story("文化融合需要时间，不要急于求成。先把大家的基本诉求解决好，认同感自然就有了。", List.of()),
            new Story("两边的安全生产月活动形式不一样，今年可以合在一起办，互相取长补短。", List.of()));

    static final String HELD = "有需要家乡土特产的同事可以加微信 tx2026 私聊，价格优惠。";
    static final String OFF_TOPIC = "转让九成新电动车一辆，有意者私聊。";

    private final VoiceSetup voice;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final long seed;

    TalkDemo(VoiceSetup voice, AccountSetup accounts, OrgDirectory directory,
             @Value("${tongxin.demo.seed:2026}") long seed) {
        this.voice = voice;
        this.accounts = accounts;
        this.directory = directory;
        this.seed = seed;
    }

    private Viewer employee(EmployeeSummary e) {
        return new Viewer(accounts.accountId(e.employeeNo()), e.id(), e.name(), Set.of(Role.EMPLOYEE), Set.of(),
                Set.of(), false);
    }

    /**
     * @param committee    the committee member, who opens the company's topic and moderates it
     * @param officer      the demo toll station's chair, who opened and locked the station's topic
     * @param demoEmployee the demo employee, who writes one post and likes some
     * @param logins       the demo logins' employee ids, left out of the other authors
     */
    void load(long companyId, long stationId, Viewer committee, Viewer officer, Viewer demoEmployee,
              Collection<Long> logins) {
        List<Viewer> people = peopleAcrossTheCompany(companyId, logins, 24);
        if (people.size() < 12) {
            return;
        }
        LocalDate today = LocalDate.now();
        long topic = voice.topic(committee, companyId, "并购后文化融合交流",
                "公司与原路桥建设公司完成重组已经半年多了。两边的职工带着不同的管理习惯和班组文化走到一起："
                        + "哪些做法值得保留，哪些需要磨合，身边有什么变化和困惑？欢迎大家实名交流。"
                        + "工会将整理大家的意见建议，提交公司职代会参考。", today.plusDays(30));
        voice.backdateTopic(topic, 10);
        // Ten days of posts, oldest first; each reply a little after its post, by the next people in turn.
        Random random = new Random(seed * 31 + 7);
        List<Long> posts = new ArrayList<>();
        Set<Long> replies = new HashSet<>();
        Map<Long, Viewer> authors = new LinkedHashMap<>();
        int minutesAgo = 10 * 24 * 60 - 90;
        int step = minutesAgo / (MERGER.size() + 2);
        int next = 0;
        for (int i = 0; i < MERGER.size(); i++) {
            Story t = MERGER.get(i);
            // The demo employee's own post is the one about the toll station's new colleagues.
            Viewer author = t.post().startsWith("站里新来了") ? demoEmployee : people.get(next++ % people.size());
            long post = voice.post(author, topic, null, t.post(), minutesAgo);
            posts.add(post);
            authors.put(post, author);
            int replyAgo = minutesAgo;
            for (String reply : t.replies()) {
                replyAgo -= 20 + random.nextInt(100);
                Viewer by = people.get(next++ % people.size());
                long id = voice.post(by, topic, post, reply, Math.max(replyAgo, 5));
                posts.add(id);
                replies.add(id);
                authors.put(id, by);
            }
            minutesAgo -= step;
            if (i == 6) {
                voice.hide(committee, voice.post(people.get(next++ % people.size()), topic, null, OFF_TOPIC,
                        minutesAgo + step / 2));
            }
        }
        // Held for its listed word, waiting for the committee's review.
        voice.post(people.get(next % people.size()), topic, null, HELD, 45);
        // Likes from most of the people, more for the earlier and livelier posts; never on one's own.
        List<Viewer> likers = new ArrayList<>(people);
        likers.add(demoEmployee);
        for (Viewer liker : likers) {
            for (int i = 0; i < posts.size(); i++) {
                long post = posts.get(i);
                if (!authors.get(post).employeeId().equals(liker.employeeId())
                        && random.nextInt(100) < (replies.contains(post) ? 15 : 45 - i)) {
                    voice.like(liker, post);
                }
            }
        }

        List<Viewer> station = new ArrayList<>();
        for (Long id : directory.activeEmployeesInSubtree(stationId)) {
            if (!logins.contains(id) && station.size() < 4) {
                directory.employee(id).map(this::employee).ifPresent(station::add);
            }
        }
        if (station.size() < 3) {
            return;
        }
        long rota = voice.topic(officer, stationId, "夜班轮换方案意见征集",
                "站里拟把夜班由“两班倒”调整为“四班三运转”，请大家说说意见，特别是住得远和家里有老人孩子的同事。", null);
        voice.backdateTopic(rota, 40);
        voice.post(station.get(0), rota, null, "支持四班三运转，连续夜班少了，身体吃得消。", 40 * 24 * 60 - 60);
        voice.post(station.get(1), rota, null, "希望调整后交通车的时间也跟着调，不然夜班下班没车回家。", 39 * 24 * 60);
        voice.post(station.get(2), rota, null, "家里孩子小，希望能有固定的几天白班，方便接送。", 38 * 24 * 60);
        voice.post(officer, rota, null, "谢谢大家！意见已汇总，站务会已讨论通过新方案，下月起执行，本话题锁定。",
                33 * 24 * 60);
        voice.lock(officer, rota);
    }

    /** Employees from units all over the company, one or two per unit, none of the demo logins. */
    private List<Viewer> peopleAcrossTheCompany(long companyId, Collection<Long> logins, int count) {
        List<Long> all = directory.activeEmployeesInSubtree(companyId);
        List<Long> sample = new ArrayList<>();
        for (int i = 7; i < all.size() && sample.size() < count * 3; i += Math.max(1, all.size() / (count * 3))) {
            if (!logins.contains(all.get(i))) {
                sample.add(all.get(i));
            }
        }
        Map<Long, Integer> perUnit = new LinkedHashMap<>();
        List<Viewer> out = new ArrayList<>();
        for (EmployeeSummary e : directory.employees(sample).values().stream()
                .sorted(Comparator.comparing(EmployeeSummary::employeeNo)).toList()) {
            if (out.size() < count && perUnit.merge(e.unitId(), 1, Integer::sum) <= 2) {
                out.add(employee(e));
            }
        }
        return out;
    }
}
