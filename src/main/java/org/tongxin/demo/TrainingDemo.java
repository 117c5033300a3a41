package org.tongxin.demo;

import static org.tongxin.training.TrainingSetup.Question.fill;
import static org.tongxin.training.TrainingSetup.Question.multiple;
import static org.tongxin.training.TrainingSetup.Question.single;
import static org.tongxin.training.TrainingSetup.Question.trueFalse;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
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
import org.tongxin.training.TrainingSetup;
import org.tongxin.training.TrainingSetup.Lesson;
import org.tongxin.training.TrainingSetup.Question;
import org.tongxin.training.TrainingSetup.Rule;

/**
 * Training for the demo enterprise (互联网+ 工会工作能力): a course of five lessons written for Tongxin, a bank of
 * questions on five skills, an exam drawn by rules, and an assessment of every officer of the tree with officers
 * at each stage of the retraining loop. People are moved along the loop through the real services — attempts
 * started, answered and handed in, lessons read — and what happened is then spread over the past weeks.
 * A year of history behind it, for the dashboards: three earlier rounds of the assessment (ten, seven and four
 * months ago, each with its own retraining course; a few people of the later ones still in retraining), and each
 * month a group of employees taking one of three short courses open to everyone, most of them to the end.
 */
@Component
class TrainingDemo {

    static final String COURSE = "互联网+ 工会工作能力";
    static final String ASSESSMENT = "互联网+ 工会工作能力考核";
    static final int PASS_MARK = 80;

    private final TrainingSetup training;
    private final OrgDirectory org;
    private final AccountSetup accounts;
    private final long seed;

    TrainingDemo(TrainingSetup training, OrgDirectory org, AccountSetup accounts,
                 @Value("${tongxin.demo.seed:2026}") long seed) {
        this.training = training;
        this.org = org;
        this.accounts = accounts;
        this.seed = seed;
    }

    /** What one officer goes through, oldest step first; days are how long ago each step happened. */
    private record Story(double firstShare, int lessonsRead, double secondShare, int failedDaysAgo, int studiedDaysAgo,
                         int lastDaysAgo) {

        static Story passedFirstTime(double share, int daysAgo) {
            return new Story(share, 0, 0, daysAgo, 0, daysAgo);
        }

        static Story inRetraining(double share, int lessonsRead, int failedDaysAgo, int studiedDaysAgo) {
            return new Story(share, lessonsRead, 0, failedDaysAgo, studiedDaysAgo, studiedDaysAgo);
        }

        static Story mayRetry(double share, int failedDaysAgo, int studiedDaysAgo) {
            return new Story(share, LESSONS.size(), 0, failedDaysAgo, studiedDaysAgo, studiedDaysAgo);
        }

        static Story passedAfterRetraining(double first, double second, int failedDaysAgo, int studiedDaysAgo,
                                           int passedDaysAgo) {
            return new Story(first, LESSONS.size(), second, failedDaysAgo, studiedDaysAgo, passedDaysAgo);
        }
    }

    /**
     * Loads the training story: the company union's course, bank, exam and assessment of all officers. The demo
     * officer ({@code officerNo}) has failed once and completed retraining, so may take the assessment again; the
     * committee member ({@code committeeNo}) passed at the first attempt and sees the board. The demo officer, the
     * committee member and the demo employee ({@code employeeNo}) take no part in the year's history.
     */
    void load(Viewer system, long companyId, String officerNo, String committeeNo, String employeeNo) {
        long course = training.course(system, companyId, COURSE,
                "面向各级工会干部的“互联网+”工作能力课程：网上入会与会员管理、新媒体宣传、网络安全与个人信息保护、"
                        + "线上活动组织、数据看板与决策。也是“互联网+ 工会工作能力考核”的补训课程。",
                "OFFICERS", companyId, null, LESSONS);
        training.questions(system, BANK);
        long exam = training.exam(system, companyId, "互联网+ 工会工作能力测试", 30, PASS_MARK, RULES);
        LocalDate today = LocalDate.now();
        long assessment = training.assessment(system, ASSESSMENT, exam, course, companyId, PASS_MARK,
                today.minusDays(30), today.plusDays(45), 24);
        List<Long> officers = training.assignOfficers(system, assessment, companyId);

        long officer = org.employeeIdForLogin(officerNo).orElseThrow();
        long committee = org.employeeIdForLogin(committeeNo).orElseThrow();
        List<Story> stories = List.of(
                Story.passedFirstTime(1.0, 26),
                Story.inRetraining(0.5, 2, 9, 4),
                Story.passedAfterRetraining(0.65, 0.9, 24, 15, 12),
                Story.mayRetry(0.55, 20, 6),
                Story.passedFirstTime(0.9, 22),
                Story.inRetraining(0.6, 1, 5, 2),
                Story.passedAfterRetraining(0.7, 0.85, 21, 11, 8));
        List<Long> others = new ArrayList<>(officers);
        others.removeAll(List.of(officer, committee));
        long employee = org.employeeIdForLogin(employeeNo).orElseThrow();
        pastRounds(system, companyId, others);
        courseYear(system, companyId, List.of(officer, committee, employee));
        // Whoever is left after the stories has not started yet.
        for (int i = 0; i < Math.min(stories.size(), others.size() - 1); i++) {
            tell(stories.get(i), others.get(i), assessment, course);
        }
        if (officers.contains(committee)) {
            tell(Story.passedFirstTime(0.95, 18), committee, assessment, course);
        }
        if (officers.contains(officer)) {
            tell(Story.mayRetry(0.6, 10, 3), officer, assessment, course);
        }
    }

    /** An earlier round of the assessment: when it was held, and what its people went through. */
    private record Round(String name, int monthsAgo, List<Story> stories) {
    }

    /** The earlier rounds; a method, as the stories need {@link #LESSONS}, which is set further down. */
    private static List<Round> rounds() {
        return List.of(
                new Round("第一期", 10, List.of(Story.passedFirstTime(0.95, 25), Story.passedFirstTime(0.85, 20),
                        Story.passedAfterRetraining(0.6, 0.9, 24, 14, 10), Story.passedFirstTime(0.9, 18))),
                new Round("第二期", 7, List.of(Story.passedFirstTime(0.9, 24), Story.inRetraining(0.55, 1, 20, 12),
                        Story.passedAfterRetraining(0.65, 0.95, 23, 13, 9), Story.passedFirstTime(1.0, 16))),
                new Round("第三期", 4, List.of(Story.passedFirstTime(0.9, 25),
                        Story.passedAfterRetraining(0.5, 0.8, 24, 16, 11), Story.mayRetry(0.6, 20, 8),
                        Story.passedFirstTime(0.8, 14), Story.inRetraining(0.5, 1, 10, 6))));
    }

    /** The quarterly quiz of the earlier rounds: one question of each skill, twenty points each. */
    static final List<Rule> QUIZ = List.of(
            new Rule("SINGLE", "网络安全", 1, BigDecimal.valueOf(20)),
            new Rule("SINGLE", "新媒体", 1, BigDecimal.valueOf(20)),
            new Rule("SINGLE", "线上服务", 1, BigDecimal.valueOf(20)),
            new Rule("SINGLE", "数据分析", 1, BigDecimal.valueOf(20)),
            new Rule("SINGLE", "工会法规", 1, BigDecimal.valueOf(20)));

    /**
     * Earlier rounds of the assessment on a short quiz, each of some officers: held for today through the services,
     * then moved with everything its people did to the month it belongs to. The officer left over in a round never
     * took it.
     */
    private void pastRounds(Viewer system, long companyId, List<Long> officers) {
        LocalDate today = LocalDate.now();
        long exam = training.exam(system, companyId, "互联网+ 工会工作能力季度小测", 15, PASS_MARK, QUIZ);
        for (Round r : rounds()) {
            long course = training.course(system, companyId, COURSE + "补训（" + r.name() + "）",
                    "“互联网+ 工会工作能力考核（" + r.name() + "）”未达标人员的补训课程。", "OFFICERS", companyId, null,
                    LESSONS.subList(0, 2));
            long assessment = training.assessment(system, ASSESSMENT + "（" + r.name() + "）", exam, course, companyId,
                    PASS_MARK, today.minusDays(28), today.plusDays(2), 24);
            List<Long> people = officers.subList(0, Math.min(officers.size(), r.stories().size() + 1));
            training.assign(system, assessment, people);
            for (int i = 0; i < Math.min(r.stories().size(), people.size() - 1); i++) {
                tell(r.stories().get(i), people.get(i), assessment, course);
            }
            int days = r.monthsAgo() * 30;
            for (long person : people) {
                training.backdate(assessment, person, Duration.ofDays(days));
            }
            training.backdateAssessment(assessment, days);
        }
    }

    /** A short course open to every employee, of two text lessons. */
    private record Short(String title, String summary, List<Lesson> lessons) {
    }

    private static final List<Short> SHORT_COURSES = List.of(
            new Short("职工安全生产知识", "收费、养护、服务区一线职工的安全常识：岗位风险、应急处置、劳动防护。", List.of(
                    new Lesson("岗位风险早知道", """
                            收费车道、养护作业区和服务区都有各自的风险：车道上的车辆冲撞，作业区的过往车流，\
                            服务区的油品和用电。上岗前看清本岗位的风险告知卡，知道危险在哪里、怎样避开。

                            作业区要按规定摆放锥桶和警示标志，穿好反光背心；车道内不追车、不拦车。"""),
                    new Lesson("应急处置与劳动防护", """
                            遇到火情先报警、再疏散、后处置；有人受伤先确保现场安全，再施救并拨打 120。

                            劳动防护用品按岗位配发，按规定佩戴：安全帽、反光背心、防护手套、防尘口罩。\
                            防护用品破损要及时更换，不能凑合。"""))),
            new Short("职工心理健康与压力调适", "倒班、夜班和面对司乘的压力：识别、调适和求助。", List.of(
                    new Lesson("认识压力", """
                            倒班打乱作息，夜班让人疲惫，面对情绪激动的司乘也会让人紧张。压力本身并不可怕，\
                            长期得不到缓解才会影响健康和工作。

                            失眠、易怒、注意力下降、对什么都提不起兴趣，可能是压力过大的信号。"""),
                    new Lesson("调适与求助", """
                            规律作息、适量运动、和家人朋友聊一聊，都是有效的调适办法；工会的职工之家、健身区随时可用。

                            感到难以承受时，可以找班组长、工会干部谈一谈，也可以拨打心理援助热线。求助不是软弱，\
                            而是对自己负责。"""))),
            new Short("劳动法律法规常识", "劳动合同、工作时间、休息休假和劳动争议的基本规定。", List.of(
                    new Lesson("劳动合同与工作时间", """
                            用人单位自用工之日起即与劳动者建立劳动关系，应当订立书面劳动合同。

                            国家实行劳动者每日工作时间不超过八小时、平均每周工作时间不超过四十四小时的工时制度；\
                            实行综合计算工时的岗位，按批准的办法执行。"""),
                    new Lesson("休息休假与劳动争议", """
                            职工连续工作一年以上的，享受带薪年休假。安排加班应当依法支付加班工资。

                            发生劳动争议，可以协商，也可以向企业劳动争议调解委员会申请调解；申请劳动仲裁的时效期间为一年。\
                            工会可以为职工提供法律援助。"""))));

    /**
     * A year of the short courses: each month, this one too, a group of employees enrols in one of them, most read it
     * to the end within a fortnight, a few never finish. Nobody takes the same course twice.
     */
    private void courseYear(Viewer system, long companyId, List<Long> leftOut) {
        Random random = new Random(seed * 13 + 5);
        List<Long> courses = SHORT_COURSES.stream().map(c -> training.course(system, companyId, c.title(), c.summary(),
                "EMPLOYEES", companyId, null, c.lessons())).toList();
        List<Long> people = new ArrayList<>(org.activeEmployeesInSubtree(companyId));
        people.removeAll(leftOut);
        Collections.shuffle(people, random);
        LocalDate today = LocalDate.now();
        int next = 0;
        for (int month = 11; month >= 0; month--) {
            long course = courses.get(month % courses.size());
            int group = 5 + random.nextInt(6);
            for (int i = 0; i < group && next < people.size(); i++) {
                long employeeId = people.get(next++);
                Viewer person = person(employeeId);
                LocalDate enrolled = YearMonth.from(today).minusMonths(month)
                        .atDay(1 + random.nextInt(month == 0 ? today.getDayOfMonth() : 25));
                int enrolledDaysAgo = (int) ChronoUnit.DAYS.between(enrolled, today);
                training.enrol(person, course);
                if (random.nextInt(10) < 8) {
                    int studiedDaysAgo = Math.max(0, enrolledDaysAgo - 1 - random.nextInt(14));
                    training.backdateEnrolments(course, employeeId, Duration.ofDays(enrolledDaysAgo - studiedDaysAgo));
                    training.study(person, course, 2);
                    training.backdateEnrolments(course, employeeId, Duration.ofDays(studiedDaysAgo).plusHours(2));
                } else {
                    training.backdateEnrolments(course, employeeId, Duration.ofDays(enrolledDaysAgo));
                }
            }
        }
    }

    private Viewer person(long employeeId) {
        EmployeeSummary e = org.employee(employeeId).orElseThrow();
        return new Viewer(accounts.accountId(e.employeeNo()), employeeId, e.name(), Set.of(Role.EMPLOYEE), Set.of(),
                Set.of(), false);
    }

    private void tell(Story story, long employeeId, long assessment, long course) {
        Viewer person = person(employeeId);
        boolean passed = training.attempt(person, assessment, story.firstShare());
        if (passed) {
            training.backdate(assessment, employeeId, Duration.ofDays(story.lastDaysAgo()).plusHours(3));
            return;
        }
        training.backdate(assessment, employeeId, Duration.ofDays(story.failedDaysAgo() - story.studiedDaysAgo()));
        training.study(person, course, story.lessonsRead());
        if (story.secondShare() == 0) {
            training.backdate(assessment, employeeId, Duration.ofDays(story.studiedDaysAgo()).plusHours(2));
            return;
        }
        training.backdate(assessment, employeeId, Duration.ofDays(story.studiedDaysAgo() - story.lastDaysAgo()));
        training.attempt(person, assessment, story.secondShare());
        training.backdate(assessment, employeeId, Duration.ofDays(story.lastDaysAgo()).plusHours(1));
    }

    /** Twenty questions of five points: every skill, every type. */
    static final List<Rule> RULES = List.of(
            new Rule("SINGLE", "网络安全", 3, BigDecimal.valueOf(5)),
            new Rule("MULTIPLE", "网络安全", 1, BigDecimal.valueOf(5)),
            new Rule("TRUE_FALSE", "网络安全", 1, BigDecimal.valueOf(5)),
            new Rule("SINGLE", "新媒体", 2, BigDecimal.valueOf(5)),
            new Rule("MULTIPLE", "新媒体", 1, BigDecimal.valueOf(5)),
            new Rule("TRUE_FALSE", "新媒体", 1, BigDecimal.valueOf(5)),
            new Rule("SINGLE", "线上服务", 2, BigDecimal.valueOf(5)),
            new Rule("TRUE_FALSE", "线上服务", 1, BigDecimal.valueOf(5)),
            new Rule("FILL", "线上服务", 1, BigDecimal.valueOf(5)),
            new Rule("SINGLE", "数据分析", 2, BigDecimal.valueOf(5)),
            new Rule("FILL", "数据分析", 1, BigDecimal.valueOf(5)),
            new Rule("SINGLE", "工会法规", 2, BigDecimal.valueOf(5)),
            new Rule("TRUE_FALSE", "工会法规", 1, BigDecimal.valueOf(5)),
            new Rule("FILL", "工会法规", 1, BigDecimal.valueOf(5)));

    static final List<Lesson> LESSONS = List.of(
            new Lesson("网上入会与会员管理", """
                    网上入会让职工不必请假跑路，在手机上就能加入工会。对基层工会干部来说，网上入会不是把纸质表格搬到网上，\
                    而是把“申请—审核—发卡—服务”整条流程理顺。

                    一、入会条件要讲清楚
                    在中国境内的企业、事业单位、机关、社会组织中以工资收入为主要生活来源的劳动者，不分民族、种族、性别、\
                    职业、宗教信仰、教育程度，都有依法参加和组织工会的权利。劳务派遣工、新就业形态劳动者同样可以入会。\
                    宣传时把条件、需要的材料和办理时限一次说清，职工才愿意点开申请。

                    二、审核要及时、有回音
                    申请提交后，由职工所在单位的基层工会审核。同心平台按工作日计算审核期限，超期未处理的自动提醒上一级工会。\
                    审核通过的，系统编发会员号和电子会员卡；不予通过的，必须写明理由，让申请人知道问题在哪里、怎样补正。

                    三、会员信息要准、要管住
                    会员档案包括姓名、所在单位、入会时间和会籍变动。职工调动时办理会籍转接，离职、退休按规定处理，\
                    历史记录只增不改，做到“来有记录、走有交接”。身份证号、手机号属于个人信息，列表中只显示脱敏后的号码；\
                    导出名单前先想一想，对方是否真的需要这些信息。

                    四、让会员卡“用起来”
                    电子会员卡的二维码带有效期，截图转发无效，现场核验时请对方当场打开会员卡。会员卡可以用于活动签到、\
                    书屋借阅和普惠服务，用得越多，职工越能感到“会员”二字的分量。

                    小结：网上入会的关键是流程清楚、回应及时、信息安全、服务跟上。"""),
            new Lesson("新媒体宣传与短视频", """
                    职工在哪里，工会的宣传就要到哪里。倒班职工很少有整块时间读长文，却会在休息时看几分钟手机。\
                    新媒体宣传要做到：内容真实、形式好看、传播合规。

                    一、图文：标题说清一件事
                    标题直接写出“谁、做了什么、和职工有什么关系”，不用“震惊”“速看”之类的标题党字眼。正文先讲结论，\
                    再讲细节；配图选有人物、有现场的照片，并配上简短说明。

                    二、短视频：竖屏、简短、有字幕
                    手机观看以竖屏为主，常用 9:16 的画面比例，时长控制在一分钟左右。开头几秒就交代主题；\
                    很多人在休息室、通勤途中静音观看，所以一定要加字幕。拍摄时光线充足、收音清楚，比加特效更重要。

                    三、用人像、用作品要守规矩
                    拍摄和发布职工的照片、视频，应事先征得本人同意；涉及未成年人的，要征得其监护人同意。\
                    网上下载的图片、音乐、字体大多有著作权，使用前确认授权，或选用明确允许使用的素材。

                    四、发布前审核，发布后复盘
                    工会的新媒体内容先审后发：核对文字和数据，核对事实，把好导向关。发布后看阅读量、完读率、转发和留言，\
                    找出职工真正关心的话题，下一次做得更好。职工留言要及时回复，难以当场答复的，也要说明何时答复。

                    小结：真实是底线，合规是红线，贴近职工是生命线。"""),
            new Lesson("网络安全与个人信息保护", """
                    工会掌握着大量职工个人信息：身份证号、手机号、家庭困难情况……一旦泄露，伤害的是职工对组织的信任。\
                    网络安全不只是信息中心的事，每一位工会干部都是第一道防线。

                    一、法律底线
                    《中华人民共和国网络安全法》自 2017 年 6 月 1 日起施行，《数据安全法》自 2021 年 9 月 1 日起施行，\
                    《个人信息保护法》自 2021 年 11 月 1 日起施行。处理个人信息应当遵循合法、正当、必要和诚信原则，\
                    收集个人信息应当限于实现处理目的的最小范围，不得过度收集。

                    二、敏感个人信息要格外小心
                    生物识别、宗教信仰、特定身份、医疗健康、金融账户、行踪轨迹等信息，以及不满十四周岁未成年人的个人信息，\
                    属于敏感个人信息。困难帮扶中的病情、家庭收入等材料只给需要的人看；公示名单时隐去身份证号、手机号。

                    三、账号和密码
                    密码足够长，混合大小写字母、数字和符号，不用生日、工号、手机号；不同系统不用同一个密码；\
                    能开启两步验证的就开启。离开工位时锁屏，不在公用电脑上保存密码。

                    四、识别钓鱼和诈骗
                    “领导”突然加好友要求转账、邮件催你点链接“重新登录”、短信称“补贴到账请填写银行卡”，都是常见骗局。\
                    先通过自己已知的电话核实，再决定是否操作。可疑情况可拨打 96110 反诈预警劝阻专线咨询；\
                    已经受骗的，立即拨打 110 报警。

                    五、日常习惯
                    及时安装系统和软件的安全更新；不在公共 Wi-Fi 下办理网银或登录管理后台；重要资料定期备份，\
                    并保存一份离线副本，以防勒索病毒；来历不明的 U 盘先查毒再打开。

                    小结：少收集、严保管、细核实、勤更新。"""),
            new Lesson("线上活动组织", """
                    线上活动不是线下活动的替代品，而是让倒班、驻站、异地的职工也能参与进来。\
                    组织好一场线上或“线上报名、线下参加”的活动，要抓住四个环节。

                    一、活动前：把信息一次发全
                    时间、地点（或直播链接）、参加对象、名额、报名截止时间、联系人，一次写清楚。名额有限的活动，\
                    提前说明是先到先得还是抽签；抽签的，事先公布规则，事后公布结果，让大家信服。\
                    几个组织联合举办的，写明主办和协办单位，成果共同分享。

                    二、报名：公平、透明
                    报名系统要扛得住集中报名，不能出现一个名额给了两个人。额满后进入候补，有人取消时按候补顺序递补，\
                    并通知到本人。

                    三、活动中：签到和互动
                    现场活动用二维码签到，线上活动以实际观看时长记录参与情况。直播前测试网络、声音和画面，\
                    准备好备用方案；安排专人回答评论区的问题。

                    四、活动后：总结和共享
                    活动结束后及时发布总结和照片，说明参加人数、取得的成果和下一步打算。参与情况按单位统计，\
                    不对个人排名，也不要求职工每天打卡，避免“指尖上的形式主义”。

                    小结：信息发得全，报名守公平，现场有互动，事后有总结。"""),
            new Lesson("数据看板与决策", """
                    数据看板能让工会干部一眼看清本单位的情况，但读懂数据比做出图表更重要。

                    一、常用指标先讲口径
                    入会率 = 会员人数 ÷ 在册职工人数 × 100%。活动参与率、志愿服务时长、培训合格率、困难帮扶办结率等，\
                    都要先说清口径：分子是谁、分母是谁、统计到哪一天。

                    二、同比和环比
                    同比是与上年同期相比，例如今年 3 月与去年 3 月相比；环比是与上一个统计周期相比，\
                    例如今年 3 月与今年 2 月相比。季节性强的指标（如春节前后的活动）更适合看同比。

                    三、百分比和百分点
                    入会率从 40% 提高到 50%，是提高了 10 个百分点，相对增长了 25%。两种说法意思不同，汇报时不要混用。

                    四、平均数和中位数
                    平均数容易被极端值拉高或拉低。看职工收入、帮扶金额时，个别很大的数会让平均数失真，\
                    这时中位数更能反映一般情况。例如 10、20、30、40、100 这组数，平均数是 40，中位数是 30。

                    五、选对图表
                    看趋势用折线图，比大小用柱状图，看构成用饼图（类别不宜太多）。图表要写明单位、统计时间和数据来源。

                    六、用数据说话，也要保护个人
                    看板展示单位和群体的情况，涉及个人的明细只给需要的人看。数据是决策的依据，不是给个人排名的工具。

                    小结：口径清楚，比较得当，图表准确，保护隐私。"""));

    static final List<Question> BANK = List.of(
            // 网络安全
            single("网络安全", 1, "设置工会业务系统的登录密码，下列哪一个最安全？", 2,
                    "强密码应足够长，混合大小写字母、数字和符号，不用生日、单位名加年份、连续数字等容易猜到的组合。",
                    "19850612（本人生日）", "Tongxin2026", "gh#7Lq!2vR9x", "123456abc"),
            single("网络安全", 2, "《中华人民共和国个人信息保护法》自何时起施行？", 2,
                    "个人信息保护法自 2021 年 11 月 1 日起施行。网络安全法自 2017 年 6 月 1 日起施行，数据安全法自 2021 年 9 月 1 日起施行，"
                            + "反电信网络诈骗法自 2022 年 12 月 1 日起施行。",
                    "2017 年 6 月 1 日", "2021 年 9 月 1 日", "2021 年 11 月 1 日", "2022 年 12 月 1 日"),
            single("网络安全", 1, "一个自称“工会主席”的微信号加你为好友，随后要求你先垫付一笔慰问金到指定账户。正确的做法是？", 1,
                    "冒充领导、熟人要求转账是常见的诈骗手法。应通过自己已知的电话等渠道直接联系本人核实；身份证照片可以伪造，不能证明身份。",
                    "立即转账，以免耽误工作", "通过自己已知的电话号码联系本人核实", "让对方发身份证照片证明身份后再转账", "先转一半金额试探真假"),
            single("网络安全", 2, "公示困难职工帮扶名单时，下列做法正确的是？", 1,
                    "收集和公开个人信息应当限于实现处理目的的最小范围。公示只公开必要的信息，身份证号、手机号、病情等不公开。",
                    "公示姓名、身份证号和手机号，便于大家核对", "只公示必要信息，隐去身份证号、手机号等",
                    "把申请材料原件扫描后全部上网公示", "在公开群里转发帮扶对象的病历"),
            single("网络安全", 2, "防止勒索病毒造成重要资料丢失，最有效的措施是？", 0,
                    "勒索病毒会加密电脑及其连接的存储中的文件。定期备份并保存一份与网络断开的离线副本，才能在中毒后恢复资料。",
                    "定期备份重要资料，并保存一份离线副本", "把文件名改成英文", "关闭屏幕保护程序", "只在下班后使用电脑"),
            single("网络安全", 1, "遇到疑似电信网络诈骗，可以拨打哪个号码咨询反诈预警劝阻专线？", 2,
                    "96110 是全国反诈预警劝阻专线；已经受骗的应立即拨打 110 报警。12351 是全国总工会职工服务热线，"
                            + "12315 是市场监管投诉举报热线，12345 是政务服务便民热线。",
                    "12315", "12351", "96110", "12345"),
            multiple("网络安全", 3, "根据《个人信息保护法》，下列哪些属于敏感个人信息？", new int[]{0, 1, 2, 3},
                    "个人信息保护法规定，敏感个人信息包括生物识别、宗教信仰、特定身份、医疗健康、金融账户、行踪轨迹等信息，"
                            + "以及不满十四周岁未成年人的个人信息。所在单位名称一般不属于敏感个人信息。",
                    "医疗健康信息", "金融账户信息", "行踪轨迹", "不满十四周岁未成年人的个人信息", "所在单位名称"),
            multiple("网络安全", 2, "下列哪些是钓鱼邮件的常见信号？", new int[]{0, 1, 2},
                    "仿冒的发件地址、制造紧迫感、索要银行卡号或验证码，都是钓鱼邮件的典型特征；正文写有通讯地址并不能说明邮件可信或可疑。",
                    "发件人地址与所称单位的域名不一致", "催你在很短时间内点链接“重新登录”", "要求提供银行卡号和短信验证码",
                    "正文末尾写有单位的通讯地址"),
            multiple("网络安全", 1, "下列哪些做法有助于保护业务系统账号的安全？", new int[]{0, 1, 3},
                    "两步验证、离开时锁屏、及时安装安全更新都能降低账号被盗的风险；多个系统共用一个密码，一处泄露就处处失守。",
                    "开启两步验证", "离开工位时锁定屏幕", "多个系统使用同一个密码，方便记忆", "及时安装系统和软件的安全更新"),
            trueFalse("网络安全", 1, "在公共场所的免费 Wi-Fi 下登录工会管理后台或办理网上银行是安全的。", false,
                    "公共 Wi-Fi 可能被仿冒或监听，不宜办理网银、登录管理后台等涉及账号密码的操作。"),
            trueFalse("网络安全", 2, "收集职工个人信息，应当限于实现处理目的的最小范围，不得过度收集。", true,
                    "这是《个人信息保护法》规定的最小必要原则。"),
            trueFalse("网络安全", 2, "我国实行网络安全等级保护制度。", true,
                    "《网络安全法》规定国家实行网络安全等级保护制度，网络运营者应当按照等级保护制度的要求履行安全保护义务。"),
            fill("网络安全", 1, "全国反诈预警劝阻专线的号码是______。",
                    "96110 是全国反诈预警劝阻专线，接到这个号码的来电请及时接听。", "96110"),
            fill("网络安全", 2, "《中华人民共和国网络安全法》自______年 6 月 1 日起施行。（填四位数字）",
                    "网络安全法于 2016 年 11 月 7 日通过，自 2017 年 6 月 1 日起施行。", "2017", "2017年"),
            // 新媒体
            single("新媒体", 1, "在手机上竖屏播放的短视频，最常用的画面比例（宽:高）是？", 2,
                    "手机竖屏观看以 9:16 为主；16:9 是横屏比例。", "4:3", "16:9", "9:16", "1:1"),
            single("新媒体", 1, "工会发布的短视频为什么最好加上字幕？", 1,
                    "倒班职工常在休息室、通勤途中看视频，往往不开声音；字幕能保证信息传达，也方便听障职工观看。",
                    "字幕能提高视频清晰度", "很多职工静音观看，有字幕也能看懂", "没有字幕的视频不能发布", "字幕可以代替拍摄，节省时间"),
            single("新媒体", 1, "下列哪个标题更适合工会公众号的一篇报道？", 2,
                    "好标题直接说清“谁、做了什么、和职工有什么关系”，不用“震惊”“速看”之类的标题党字眼。",
                    "震惊！收费站昨晚发生了这件事……", "速看！不转不是工会人", "蒲江收费站职工之家开放：倒班职工下班后可自由使用",
                    "你绝对想不到的福利"),
            single("新媒体", 2, "在宣传稿中使用职工的照片，应当怎样做？", 1,
                    "《民法典》规定，除法律另有规定外，未经肖像权人同意，不得制作、使用、公开肖像权人的肖像。事先征得本人同意最稳妥。",
                    "工作场合拍的照片可以随意使用", "事先征得本人同意", "拍摄时对方没有反对，就可以用于任何用途", "不用于商业目的就无需同意"),
            single("新媒体", 2, "衡量一篇图文是否真正被读完，最直接的指标是？", 1,
                    "阅读量只说明有多少人点开；完读率反映读到结尾的人所占的比例，更能说明内容是否吸引人。",
                    "阅读量", "完读率", "粉丝总数", "发布时间"),
            multiple("新媒体", 2, "发布工会新媒体内容前，应当核查哪些方面？", new int[]{0, 1, 2},
                    "发布前要把好事实关、版权关和肖像关；阅读量是发布后复盘看的数据，不是发布前审核的内容。",
                    "文字和数据是否准确", "所用图片、音乐是否取得授权", "出镜的职工是否同意公开其肖像", "阅读量能否超过上一篇"),
            multiple("新媒体", 2, "拍摄一条一分钟左右的工会短视频，下列做法正确的有？", new int[]{0, 1, 2},
                    "开头点题、光线和收音清楚、加字幕都是好做法；使用音乐要确认授权，或选用明确允许使用的素材。",
                    "开头几秒交代主题", "保证光线充足、收音清楚", "加上字幕", "用网上下载的热门歌曲做配乐，不必确认版权"),
            multiple("新媒体", 1, "下列哪些是新媒体内容发布后复盘时常看的数据？", new int[]{0, 1, 2},
                    "阅读量或播放量、完读率或完播率、转发和留言反映传播效果；撰稿人的工龄与传播效果无关。",
                    "阅读量或播放量", "完读率或完播率", "转发和留言", "撰稿人的工龄"),
            trueFalse("新媒体", 1, "从网上搜索到的图片都可以免费用在工会公众号文章里。", false,
                    "网上的图片大多受著作权保护，使用前应取得授权，或选用明确允许使用的素材。"),
            trueFalse("新媒体", 1, "对职工在文章下的留言，难以当场答复的，也应说明何时答复。", true,
                    "及时回应是新媒体运营的基本要求，能让职工感到被重视。"),
            trueFalse("新媒体", 1, "工会新媒体内容应当先审后发。", true,
                    "内容发布前经过审核把关，可以避免事实差错和导向问题。"),
            fill("新媒体", 1, "手机竖屏短视频常用的画面比例是______（宽:高）。",
                    "手机竖屏观看以 9:16 为主。", "9:16", "9比16"),
            fill("新媒体", 2, "看完整条视频的观众所占的比例叫作______。",
                    "完播率是看完整条视频的人数占播放人数的比例，是衡量短视频内容质量的重要指标。", "完播率"),
            // 线上服务
            single("线上服务", 1, "全国总工会职工服务热线的号码是？", 0,
                    "12351 是全国总工会职工服务热线；12333 是人力资源和社会保障服务热线，12345 是政务服务便民热线，"
                            + "12315 是市场监管投诉举报热线。",
                    "12351", "12345", "12315", "12333"),
            single("线上服务", 1, "职工在手机上提交入会申请后，由谁审核？", 1,
                    "入会申请由职工所在单位的基层工会审核，审核通过后编发会员号和电子会员卡。",
                    "公司人力资源部", "职工所在单位的基层工会", "全国总工会", "职工所在班组的班组长"),
            single("线上服务", 1, "网上入会申请不予通过时，工会应当怎样做？", 1,
                    "不予通过应写明理由，让申请人知道问题在哪里、怎样补正；不回复或删除记录都会伤害职工的信任。",
                    "不予回复，让申请自动过期", "写明理由告知申请人，说明怎样补正", "直接删除申请记录", "要求职工改交纸质申请"),
            single("线上服务", 1, "一项名额有限的活动采用抽签方式确定人选，下列做法最合适的是？", 1,
                    "事先公布规则、事后公布结果，才能让职工信服；同心平台抽签时记录随机种子，结果可以复核。",
                    "由组织者私下挑选", "事先公布抽签规则，抽签后公布结果", "按报名人员的职务高低确定", "谁在群里催得多就给谁"),
            single("线上服务", 2, "会员调到另一个单位工作后，其工会会籍应当如何处理？", 1,
                    "会员的组织关系随劳动（工作）关系变动而接转，调动时应办理会籍转接。",
                    "自动失去会员资格", "办理会籍转接，转到新单位的工会", "保留在原单位工会，不做处理", "等年底统一清理"),
            multiple("线上服务", 1, "发布一场“线上报名、线下参加”的活动通知，应当写明哪些信息？", new int[]{0, 1, 2, 3},
                    "时间地点、参加对象和名额、报名截止时间、联系人都应一次写清；报名不需要公布任何人的身份证号。",
                    "活动时间和地点", "参加对象和名额", "报名截止时间", "联系人", "已报名人员的身份证号"),
            multiple("线上服务", 2, "关于活动报名的候补，下列说法正确的有？", new int[]{0, 1, 2},
                    "额满后进入候补，有人取消时按候补顺序递补并通知本人；随意调整顺序有失公平。",
                    "额满后报名的人进入候补", "有人取消时按候补顺序递补", "递补成功应通知本人", "组织者可以随意调整候补顺序"),
            multiple("线上服务", 2, "为避免“指尖上的形式主义”，下列做法可取的有？", new int[]{0, 1, 3},
                    "不强制打卡、不公开个人排名、信息一次收齐，都是减轻职工负担的做法；把使用手机的时长计入考核恰恰是形式主义。",
                    "不要求职工每天在平台打卡", "参与情况按单位统计，不公开个人排名", "把职工使用平台的时长计入考核",
                    "需要的信息一次收齐，不让职工重复填报"),
            trueFalse("线上服务", 1, "线上直播开始前应测试网络、声音和画面，并准备备用方案。", true,
                    "直播中断会让等候的职工白跑一趟；提前测试并准备备用方案是基本要求。"),
            trueFalse("线上服务", 1, "把电子会员卡二维码的截图转发给别人，也能在现场核验通过。", false,
                    "同心平台的会员卡二维码带签名和几分钟的有效期，截图很快失效；核验时请对方当场打开会员卡。"),
            trueFalse("线上服务", 2, "入会申请超过审核期限仍未处理的，同心平台会提醒上一级工会。", true,
                    "审核期限按工作日计算，超期未处理的申请会升级到上一级工会，避免申请石沉大海。"),
            fill("线上服务", 1, "全国总工会职工服务热线是______。", "12351 是全国总工会职工服务热线。", "12351"),
            fill("线上服务", 1, "现场活动常用扫描______的方式签到。",
                    "扫描二维码签到快捷准确，签到记录就是参加活动的凭据。", "二维码", "QR码", "QR code"),
            // 数据分析
            single("数据分析", 1, "某单位在册职工 200 人，其中会员 150 人，入会率是？", 2,
                    "入会率 = 会员人数 ÷ 在册职工人数 × 100% = 150 ÷ 200 × 100% = 75%。", "25%", "66.7%", "75%", "150%"),
            single("数据分析", 1, "把今年 3 月的数据与去年 3 月相比，叫作？", 1,
                    "同比是与上年同期相比；环比是与上一个统计周期相比。", "环比", "同比", "定基比", "移动平均"),
            single("数据分析", 2, "入会率从 40% 提高到 50%，下列说法正确的是？", 1,
                    "50% − 40% = 10 个百分点；相对增长 (50 − 40) ÷ 40 = 25%。",
                    "提高了 10%", "提高了 10 个百分点，相对增长 25%", "提高了 25 个百分点", "提高了 50%"),
            single("数据分析", 1, "展示全年每月活动参加人数的变化趋势，最适合用哪种图表？", 1,
                    "看趋势用折线图，比大小用柱状图，看构成用饼图。", "饼图", "折线图", "雷达图", "散点图"),
            single("数据分析", 2, "统计帮扶金额时有个别金额特别大，最能反映一般水平的指标是？", 1,
                    "平均数容易受极端值影响，中位数不受个别特别大或特别小的数影响。", "平均数", "中位数", "最大值", "总和"),
            single("数据分析", 2, "在 Excel 中按单位对大量明细数据分类汇总，最便捷的工具是？", 0,
                    "数据透视表可以按任意字段分组并汇总求和、计数，适合按单位统计。", "数据透视表", "冻结窗格", "条件格式", "拼写检查"),
            multiple("数据分析", 1, "汇报“培训合格率”时，应当说明哪些口径？", new int[]{0, 1, 2},
                    "指标的分子、分母和统计截止日期都要说清，否则不同单位的数据无法比较。",
                    "分子是谁（如考核合格人数）", "分母是谁（如应参加考核人数）", "统计截止日期", "制表人的个人爱好"),
            multiple("数据分析", 2, "下列关于选用图表的说法，正确的有？", new int[]{0, 1, 2},
                    "柱状图比大小，饼图看构成（类别不宜多），折线图看趋势；三维饼图容易让人看错比例。",
                    "比较各单位会员人数用柱状图", "展示会员年龄构成可用饼图，但类别不宜太多", "展示变化趋势用折线图",
                    "任何数据都用三维饼图最直观"),
            multiple("数据分析", 1, "关于工会的数据看板，下列做法正确的有？", new int[]{0, 1, 2},
                    "看板展示单位和群体的情况，个人明细只给需要的人看，并注明统计时间和来源；公开个人排名不可取。",
                    "展示单位和群体的情况", "涉及个人的明细只给需要的人看", "图表注明统计时间和数据来源", "公开职工个人排名以激励先进"),
            trueFalse("数据分析", 1, "环比是与上一个统计周期相比，例如今年 3 月与今年 2 月相比。", true,
                    "环比与上一个统计周期比；同比与上年同期比。"),
            trueFalse("数据分析", 1, "平均数不会受到极端值的影响。", false,
                    "平均数容易被个别特别大或特别小的数拉高或拉低，中位数则不会。"),
            trueFalse("数据分析", 2, "数据 10、20、30、40、100 的中位数是 30。", true,
                    "从小到大排列后位于正中间的数是 30；这组数的平均数是 40。"),
            fill("数据分析", 1, "某单位会员 90 人，在册职工 120 人，入会率是______%。（填数字）",
                    "90 ÷ 120 × 100% = 75%。", "75"),
            fill("数据分析", 1, "与上一个统计周期相比的增长率叫作______。",
                    "与上一个统计周期相比叫环比；与上年同期相比叫同比。", "环比", "环比增长率"),
            // 工会法规
            single("工会法规", 2, "根据《工会法》，企业、事业单位、社会组织有会员多少人以上的，应当建立基层工会委员会？", 1,
                    "有会员二十五人以上的，应当建立基层工会委员会；不足二十五人的，可以单独建立，也可以由两个以上单位的会员"
                            + "联合建立基层工会委员会，也可以选举组织员一人。",
                    "十人", "二十五人", "五十人", "一百人"),
            single("工会法规", 1, "基层工会委员会每届任期是？", 1,
                    "《工会法》规定，基层工会委员会每届任期三年或者五年。", "二年或者三年", "三年或者五年", "四年", "六年"),
            single("工会法规", 2, "建立工会组织的企业，按每月全部职工工资总额的百分之几向工会拨缴经费？", 2,
                    "《工会法》规定按每月全部职工工资总额的百分之二向工会拨缴经费；会员个人按本人工资收入的百分之零点五交纳会费。",
                    "0.5%", "1%", "2%", "5%"),
            single("工会法规", 1, "工会会员每月按本人工资收入的多少交纳会费？", 0,
                    "按照中华全国总工会的规定，会员每月按本人工资收入的百分之零点五交纳会费。", "0.5%", "1%", "2%", "5%"),
            single("工会法规", 2, "企业劳动争议调解委员会的主任由谁担任？", 1,
                    "《劳动争议调解仲裁法》规定，企业劳动争议调解委员会由职工代表和企业代表组成，"
                            + "主任由工会成员或者双方推举的人员担任。",
                    "企业法定代表人", "工会成员或者双方推举的人员", "劳动行政部门指派的人员", "人力资源部门负责人"),
            single("工会法规", 2, "劳动争议申请仲裁的时效期间为？", 1,
                    "《劳动争议调解仲裁法》规定，申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算。",
                    "六个月", "一年", "二年", "三年"),
            multiple("工会法规", 2, "依照《中国工会章程》，会员享有下列哪些权利？", new int[]{0, 1, 2},
                    "会员享有选举权、被选举权和表决权，有权监督工会工作、提出意见和建议，享受工会举办的文化、教育、体育、疗休养等活动和福利；"
                            + "按期交纳会费是会员的义务。",
                    "选举权、被选举权和表决权", "对工会工作进行监督，提出意见和建议", "享受工会举办的文体活动、疗休养和福利", "免交会费"),
            multiple("工会法规", 3, "关于工会主席、副主席的任职保障，下列说法正确的有？", new int[]{0, 1, 2},
                    "《工会法》规定：工会主席、副主席任期未满时，不得随意调动其工作，因工作需要调动时应当征得本级工会委员会和上一级工会的同意；"
                            + "罢免须经会员大会全体会员或者会员代表大会全体代表过半数通过。",
                    "任期未满时，不得随意调动其工作", "因工作需要调动时，应征得本级工会委员会和上一级工会的同意",
                    "罢免须经会员大会全体会员或者会员代表大会全体代表过半数通过", "用人单位可以随时单方决定撤换工会主席"),
            multiple("工会法规", 3, "关于集体合同，下列说法正确的有？", new int[]{0, 1, 2},
                    "集体合同草案应当提交职工代表大会或者全体职工讨论通过，由工会代表职工与企业签订，报送劳动行政部门后十五日内未提出异议的即行生效；"
                            + "依法订立的集体合同对用人单位和劳动者都有约束力，不只约束会员。",
                    "集体合同草案应提交职工代表大会或者全体职工讨论通过", "集体合同由工会代表职工与企业签订",
                    "劳动行政部门自收到文本之日起十五日内未提出异议的，集体合同即行生效", "集体合同只约束工会会员"),
            trueFalse("工会法规", 1, "维护职工合法权益、竭诚服务职工群众是工会的基本职责。", true,
                    "这是《工会法》对工会基本职责的规定。"),
            trueFalse("工会法规", 2, "职工二百人以上的企业、事业单位、社会组织的工会，可以设专职工会主席。", true,
                    "《工会法》规定，职工二百人以上的企业、事业单位、社会组织的工会，可以设专职工会主席。"),
            trueFalse("工会法规", 1, "女职工生育享受的产假为 60 天。", false,
                    "《女职工劳动保护特别规定》规定，女职工生育享受 98 天产假；难产的增加 15 天，生育多胞胎的每多生育 1 个婴儿增加 15 天。"),
            trueFalse("工会法规", 1, "劳务派遣工和新就业形态劳动者也可以加入工会。", true,
                    "以工资收入为主要生活来源的劳动者都有依法参加和组织工会的权利，劳务派遣工、快递员、网约配送员等新就业形态劳动者同样可以入会。"),
            fill("工会法规", 1, "基层工会委员会每届任期三年或者______年。",
                    "《工会法》规定，基层工会委员会每届任期三年或者五年。", "五", "5"),
            fill("工会法规", 2, "女职工生育享受______天产假（不含难产、多胞胎增加的天数）。（填数字）",
                    "《女职工劳动保护特别规定》规定，女职工生育享受 98 天产假，其中产前可以休假 15 天。", "98", "九十八"));
}
