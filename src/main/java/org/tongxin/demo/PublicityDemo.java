package org.tongxin.demo;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tongxin.identity.AccountSetup;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.publicity.PublicitySetup;
import org.tongxin.publicity.PublicitySetup.Article;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * Publicity of the demo enterprise: a dozen published articles across the categories (company news by the union
 * office, the toll station's own by its chair, all approved by the committee member), two short videos, one
 * internal notice of the company and one of the station whose readers and non-readers the officers can see, and one
 * item at each step of the workflow — waiting for review, sent back, approved for later, a draft. Reads and shares
 * are spread over the people of each unit; the demo employee has read nothing yet, so reading counts. The chat-group
 * robots are examples, switched off: a trial run sends nothing. Behind them, a year of older items — the company's
 * and each grassroots union's — with their readers and shares, for the dashboards.
 */
@Component
class PublicityDemo {

    private static final Color[][] PALETTES = {
            {new Color(0x1f6f8b), new Color(0x99c1b9)}, {new Color(0xb5443b), new Color(0xf2a65a)},
            {new Color(0x2e4057), new Color(0x66a182)}, {new Color(0x6d597a), new Color(0xe56b6f)},
            {new Color(0x355070), new Color(0xeaac8b)}, {new Color(0x264653), new Color(0xe9c46a)}};

    private final PublicitySetup publicity;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final long seed;
    /** Pictures drawn so far: each gets the next palette and seed. */
    private int picture;

    PublicityDemo(PublicitySetup publicity, AccountSetup accounts, OrgDirectory directory,
                  @Value("${tongxin.demo.seed:2026}") long seed) {
        this.publicity = publicity;
        this.accounts = accounts;
        this.directory = directory;
        this.seed = seed;
    }

    private byte[] photo(String caption, int width, int height) {
        Color[] p = PALETTES[picture % PALETTES.length];
        return DemoPhotos.photo(caption, p[0], p[1], width, height, seed + picture++);
    }

    private byte[] cover(String caption) {
        return photo(caption, 900, 500);
    }

    /**
     * @param system     the platform's own account, writing for the company union (the union office)
     * @param demoLogins the demo officer, employee and committee member, in that order
     */
    void load(Viewer system, Collection<OrgUnit> units, long stationId, List<HrRow> demoLogins) {
        Random random = new Random(seed * 31 + 8);
        OrgUnit company = units.stream().filter(u -> u.kind() == UnitKind.COMPANY_UNION).findFirst().orElseThrow();
        String station = units.stream().filter(u -> u.id() == stationId).findFirst().orElseThrow().name()
                .replace("分会", "");
        Map<String, Long> logins = directory.employeeIdsByNumber(demoLogins.stream().map(HrRow::employeeNo).toList());
        HrRow officerRow = demoLogins.get(0);
        HrRow committeeRow = demoLogins.get(2);
        long demoEmployee = logins.get(demoLogins.get(1).employeeNo());
        Viewer committee = new Viewer(accounts.accountId(committeeRow.employeeNo()), logins.get(committeeRow.employeeNo()),
                committeeRow.name(), Set.of(Role.EMPLOYEE, Role.OFFICER, Role.COMMITTEE), Set.of(company.id()), Set.of(),
                false);
        Viewer officer = new Viewer(accounts.accountId(officerRow.employeeNo()), logins.get(officerRow.employeeNo()),
                officerRow.name(), Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(stationId), Set.of(), false);

        List<Long> everyone = new ArrayList<>(directory.activeEmployeesInSubtree(company.id()));
        List<Long> stationPeople = new ArrayList<>(directory.activeEmployeesInSubtree(stationId));
        everyone.remove(demoEmployee);
        stationPeople.remove(demoEmployee);

        int daysAgo = 40;
        for (Article a : companyArticles(company.id())) {
            long id = publicity.write(system, a);
            published(id, system, committee, a.internal() ? everyone : sample(everyone, random, 0.08, 0.3),
                    a.internal() ? 0 : 20 + random.nextInt(160), random, daysAgo);
            daysAgo -= 3 + random.nextInt(3);
        }
        daysAgo = 33;
        for (Article a : stationArticles(stationId, station)) {
            long id = publicity.write(officer, a);
            published(id, officer, committee, sample(stationPeople, random, 0.45, 0.85), a.internal() ? 0
                    : 10 + random.nextInt(60), random, daysAgo);
            daysAgo -= 4 + random.nextInt(4);
        }
        long smile = withDemoVideo("toll-smile.mp4", mp4 -> publicity.video(officer, stationId, "NEWS",
                station + "：把微笑带给每一位司乘", "八秒钟看收费站的一天：微笑服务、文明用语、便民箱。",
                "<p>" + station + "职工自编自导的微笑服务短片，同步发布在工会抖音号。</p>", "https://www.douyin.com/", mp4));
        published(smile, officer, committee, sample(stationPeople, random, 0.5, 0.8), 80, random, 6);
        long tour = withDemoVideo("reading-room.mp4", mp4 -> publicity.video(system, company.id(), "CULTURE",
                "一分钟导览：职工书屋怎么借书", "扫码借书、异地归还、预约到馆：跟着镜头走一遍职工书屋。",
                "<p>职工书屋已覆盖公司本部、收费站和服务区，扫描书上的二维码即可借阅。</p>", null, mp4));
        published(tour, system, committee, sample(everyone, random, 0.1, 0.25), 120, random, 4);

        pastItems(system, committee, company, units, everyone, random);
        workflowStates(system, officer, committee, company.id(), stationId, station);

        publicity.robot(officer, stationId, "WECOM", station + "职工群（示例）",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=00000000-demo-0000-0000-000000000000", null,
                false);
        publicity.robot(committee, company.id(), "DINGTALK", "公司工会干部群（示例）",
                "https://oapi.dingtalk.com/robot/send?access_token=demo0000000000000000000000000000",
                "SECdemo0000000000000000000000000000000000000000000000000000000000", false);
    }

    private void published(long id, Viewer writer, Viewer reviewer, List<Long> readers, int anonymous, Random random,
                           int daysAgo) {
        publicity.submit(writer, id);
        publicity.approve(reviewer, id, null);
        LocalDate day = LocalDate.now().minusDays(daysAgo);
        publicity.reads(id, readers, anonymous, Map.of("WECHAT", 2 + random.nextInt(20), "QQ", random.nextInt(6),
                "POSTER", random.nextInt(4), "LINK", random.nextInt(5)), day);
        publicity.backdate(id, daysAgo);
    }

    /** An item of the months before: its words, and how many months ago it was published. */
    private record Past(String title, String category, String summary, String body, int monthsAgo) {
    }

    private static final List<Past> PAST = List.of(
            new Past("网上入会操作指南", "POLICY", "手机上三步完成入会申请，审核结果消息通知。",
                    "<p>打开同心平台“入会”，核对个人信息，确认入会申请书，提交即可。</p>"
                            + "<p>所在单位工会在规定工作日内审核，通过后自动生成电子会员卡。</p>", 1),
            new Past("收费站开展消防应急演练", "SAFETY", "模拟车道车辆起火，二十分钟完成报警、疏散和处置。",
                    "<p>演练模拟收费车道车辆起火，值班站长指挥报警、疏散司乘、切断电源并使用灭火器处置。</p>"
                            + "<p>消防大队教官现场点评，指出交接班时段人员不足的问题。</p>", 2),
            new Past("职工书屋新到一批技术图书", "CULTURE", "桥梁养护、机电维修、收费业务类新书三百余册。",
                    "<p>本批图书以一线技术类为主，各职工书屋扫码即可借阅，支持通借通还。</p>", 3),
            new Past("劳模风采｜隧道养护班的“排险尖兵”", "MODELS", "十年排除隧道险情三十余次。",
                    "<p>他每天第一个进隧道巡查，手电筒、检测锤和记录本从不离身。</p>"
                            + "<p>“隧道里的每一道裂缝，我都记得它上个月的样子。”</p>", 4),
            new Past("公司工会召开职工代表座谈会", "NEWS", "二十名一线职工代表就排班、食堂和休息室提出建议。",
                    "<p>座谈会收集建议二十六条，公司工会逐条明确责任部门和答复时限。</p>", 5),
            new Past("职工互助保障理赔流程一图读懂", "POLICY", "住院、门诊特殊病种和意外伤害怎么申请。",
                    "<p>出院后三十日内向所在分会提交病历、发票和银行卡信息，工会汇总后统一申报。</p>", 6),
            new Past("“安康杯”安全知识竞赛决赛举行", "SAFETY", "八支代表队同台竞技，养护一队夺冠。",
                    "<p>决赛设必答、抢答和风险题三个环节，题目全部来自一线岗位的安全规程。</p>", 7),
            new Past("一线职工健康体检安排", "NOTICE", "各分会按排班分批组织，体检当日按公休安排。",
                    "<p>体检项目在去年基础上增加颈椎和心电检查；夜班职工安排在下午时段。</p>", 8),
            new Past("青年职工读书分享会", "CULTURE", "二十余名青年职工分享一本书、一段路。",
                    "<p>分享会在职工之家举行，书目从技术手册到长篇小说，大家约定每季度办一次。</p>", 9),
            new Past("服务区“司机之家”升级改造完成", "NEWS", "淋浴间、洗衣房、休息室向货车司机开放。",
                    "<p>改造后的“司机之家”二十四小时开放，由服务区工会组织职工志愿者值守。</p>", 10),
            new Past("工会志愿服务队走进社区", "NEWS", "义务维修、交通安全讲座和便民服务。",
                    "<p>志愿服务队为社区老人检修电器，并在社区广场讲解高速公路行车安全。</p>", 11));

    /**
     * Items of the eleven months before, one a month, by the company union and each of its grassroots unions in turn,
     * each read by some of everyone and shared.
     */
    private void pastItems(Viewer system, Viewer committee, OrgUnit company, Collection<OrgUnit> units,
                           List<Long> everyone, Random random) {
        List<OrgUnit> writers = new ArrayList<>(List.of(company));
        units.stream().filter(u -> u.kind() == UnitKind.GRASSROOTS_UNION).sorted(Comparator.comparing(OrgUnit::id))
                .forEach(writers::add);
        for (int i = 0; i < PAST.size(); i++) {
            Past p = PAST.get(i);
            long id = publicity.write(system, new Article(writers.get(i % writers.size()).id(), p.category(), p.title(),
                    p.summary(), p.body(), cover(p.title()), List.of(), false));
            LocalDate day = YearMonth.now().minusMonths(p.monthsAgo()).atDay(3 + random.nextInt(24));
            published(id, system, committee, sample(everyone, random, 0.06, 0.2), 10 + random.nextInt(70), random,
                    (int) ChronoUnit.DAYS.between(day, LocalDate.now()));
        }
    }

    private void workflowStates(Viewer system, Viewer officer, Viewer committee, long companyId, long stationId,
                                String station) {
        long waiting = publicity.write(officer, new Article(stationId, "SAFETY", station + "“安康杯”安全知识竞赛报名开始",
                "每班组一队，三人一组，十二月十五日前报名。",
                "<h2>比赛安排</h2><p>初赛为线上答题，决赛在职工之家现场进行。</p><figure><img src=\"{pic0}\" alt=\"\"></figure>"
                        + "<ul><li>报名：各班组长汇总</li><li>奖励：前三名颁发证书和奖品</li></ul>",
                cover("安康杯知识竞赛"), List.of(photo("去年决赛现场", 1200, 800)), false));
        publicity.submit(officer, waiting);
        long returned = publicity.write(officer, new Article(stationId, "SAFETY", "收费站节能降耗小窍门",
                "省电、省水、省纸，从每个岗亭做起。",
                "<p>下班随手关灯、关空调；票据双面打印……</p>", cover("节能降耗"), List.of(), false));
        publicity.submit(officer, returned);
        publicity.sendBack(committee, returned, "请补充本站去年的用电数据和节约效果，图片请注明拍摄人。");
        long later = publicity.write(system, new Article(companyId, "CULTURE", "2027年职工春节联欢会节目征集",
                "歌舞、小品、朗诵、器乐皆可，各分会一月十日前报送。",
                "<h2>征集范围</h2><p>反映高速公路职工工作和生活的原创节目优先。</p><h2>报送方式</h2><p>节目视频或彩排照片发送至工会办公室。</p>",
                cover("春节联欢会节目征集"), List.of(), false));
        publicity.submit(system, later);
        publicity.approve(committee, later,
                OffsetDateTime.now().plusDays(3).truncatedTo(ChronoUnit.DAYS).withHour(9));
        publicity.write(officer, new Article(stationId, "NEWS", station + "志愿服务队走进敬老院",
                "", "<p>（草稿）十二月初计划组织志愿服务队到镇敬老院开展义诊、理发和文艺演出。</p>",
                null, List.of(), false));
    }

    private static List<Long> sample(List<Long> people, Random random, double from, double to) {
        double share = from + random.nextDouble() * (to - from);
        List<Long> out = new ArrayList<>();
        for (Long p : people) {
            if (random.nextDouble() < share) {
                out.add(p);
            }
        }
        return out;
    }

    /** Hands a shipped clip on as a temporary file, as an upload would be, and removes the file after. */
    private static long withDemoVideo(String name, Function<Path, Long> use) {
        Path tmp = null;
        try (InputStream in = new ClassPathResource("demo/publicity/" + name).getInputStream()) {
            tmp = Files.createTempFile("demo-video", ".mp4");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return use.apply(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                tmp.toFile().delete();
            }
        }
    }

    private List<Article> companyArticles(long companyId) {
        return List.of(
                new Article(companyId, "NEWS", "公司工会召开第四季度工作推进会",
                        "回顾前三季度工作，部署“互联网+”工会建设、冬季送温暖和年终职工代表大会筹备。",
                        "<p>十一月中旬，公司工会召开第四季度工作推进会，各基层工会主席参加。</p>"
                                + "<figure><img src=\"{pic0}\" alt=\"\"><figcaption>推进会现场</figcaption></figure>"
                                + "<h2>三项重点</h2><ol><li>网上入会和会员信息核对年底前全覆盖；</li>"
                                + "<li>冬季送温暖：困难职工、一线养护和收费职工慰问；</li><li>筹备第五届职工代表大会第三次会议。</li></ol>"
                                + "<figure><img src=\"{pic1}\" alt=\"\"><figcaption>基层工会主席交流</figcaption></figure>"
                                + "<p>会议要求各分会把工作做在平时、做到一线。</p>",
                        cover("第四季度工作推进会"), List.of(photo("推进会现场", 1200, 800), photo("基层工会主席交流", 1200, 800)),
                        false),
                new Article(companyId, "POLICY", "一图读懂：2027年度职工医疗互助保障",
                        "住院、门诊特殊病种、重大疾病都有互助金，会员每人每年自愿参加，工会补贴一半。",
                        "<h2>保障什么</h2><p>住院医疗互助、重大疾病互助和意外伤害互助三项。</p>"
                                + "<figure><img src=\"{pic0}\" alt=\"\"></figure>"
                                + "<h2>怎么参加</h2><p>十二月二十日前向所在分会报名，费用从工资中代扣。</p>"
                                + "<blockquote>温馨提示：已参加的职工到期自动续保，无需重复报名。</blockquote>",
                        cover("医疗互助保障 一图读懂"), List.of(photo("互助保障三项内容", 1080, 1400)), false),
                new Article(companyId, "MODELS", "劳模风采｜养护工区的“铁人”：十八年守护百里高速",
                        "冰雪天第一个上路，塌方时最后一个撤离，他说“路通了，心里才踏实”。",
                        "<p>凌晨四点，养护工区的灯又亮了。这是他在高速公路养护一线的第十八个冬天。</p>"
                                + "<figure><img src=\"{pic0}\" alt=\"\"><figcaption>清晨巡查路面</figcaption></figure>"
                                + "<h2>“路通了，心里才踏实”</h2><p>十八年来，他参与抢险保通四十余次，带出的徒弟有六人成为班组长。</p>"
                                + "<figure><img src=\"{pic1}\" alt=\"\"><figcaption>给新职工讲解除雪设备</figcaption></figure>",
                        cover("劳模风采 · 养护一线"), List.of(photo("清晨巡查路面", 1200, 800), photo("讲解除雪设备", 1200, 800)),
                        false),
                new Article(companyId, "NOTICE", "关于做好元旦春节期间困难职工帮扶工作的通知",
                        "各分会于十二月二十日前完成困难职工走访，帮扶名单在平台“困难帮扶”中报送。",
                        "<p>各基层工会：</p><p>为做好元旦春节期间困难职工帮扶工作，现将有关事项通知如下。</p>"
                                + "<h2>一、走访范围</h2><p>在档困难职工、因病因灾临时困难职工、岗位调整后收入下降的职工。</p>"
                                + "<h2>二、报送要求</h2><p>十二月二十日前在平台“困难帮扶”中完成申报，逾期不再补报。</p>"
                                + "<p>公司工会</p>",
                        cover("元旦春节帮扶工作通知"), List.of(), true),
                new Article(companyId, "SAFETY", "冬季养护作业安全“十不准”",
                        "雨雪冰冻天气作业前必读：未设安全区不准作业、未穿反光服不准上路……",
                        "<p>入冬以来，路面结冰、团雾多发，养护作业风险上升。</p>"
                                + "<figure><img src=\"{pic0}\" alt=\"\"></figure>"
                                + "<ol><li>未按规定设置作业控制区不准作业；</li><li>未穿反光服、未戴安全帽不准上路；</li>"
                                + "<li>能见度低于五十米不准开展路面作业；</li><li>酒后不准作业……</li></ol>",
                        cover("冬季养护作业安全"), List.of(photo("作业控制区示意", 1200, 800)), false),
                new Article(companyId, "CULTURE", "“同心杯”职工羽毛球赛落幕",
                        "十六支队伍、一百二十八名职工参赛，收费、养护、服务区职工同场竞技。",
                        "<p>为期两天的“同心杯”职工羽毛球赛在公司体育馆落幕。</p>"
                                + "<figure><img src=\"{pic0}\" alt=\"\"><figcaption>混双决赛</figcaption></figure>"
                                + "<p>比赛由公司工会、团委和女职工委员会共同主办，赛后举行了颁奖仪式。</p>"
                                + "<figure><img src=\"{pic1}\" alt=\"\"><figcaption>颁奖仪式</figcaption></figure>",
                        cover("同心杯羽毛球赛"), List.of(photo("混双决赛", 1200, 800), photo("颁奖仪式", 1200, 800)), false),
                new Article(companyId, "NEWS", "职工书屋新到五百册图书，扫码就能借",
                        "新书以职业技能、人文科学为主，收费站和服务区书屋同步上架。",
                        "<p>本批新书包括收费业务、道路养护、安全生产等职业技能类，以及历史、文学等人文类图书。</p>"
                                + "<figure><img src=\"{pic0}\" alt=\"\"></figure>"
                                + "<p>在手机上打开“书屋”，扫描书上的二维码即可借阅，到期前可续借，任一书屋都能还。</p>",
                        cover("职工书屋新书上架"), List.of(photo("新书上架", 1200, 800)), false));
    }

    private List<Article> stationArticles(long stationId, String station) {
        return List.of(
                new Article(stationId, "NEWS", station + "开展“微笑服务月”活动",
                        "文明用语、微笑服务、便民箱，一个月收到司乘表扬信十二封。",
                        "<p>十月，" + station + "开展“微笑服务月”活动，每个班组评选一名“微笑之星”。</p>"
                                + "<figure><img src=\"{pic0}\" alt=\"\"><figcaption>收费亭里的微笑</figcaption></figure>"
                                + "<p>站里在每个车道设置便民服务箱，备有雨伞、充电宝和常用药品。</p>"
                                + "<figure><img src=\"{pic1}\" alt=\"\"><figcaption>便民服务箱</figcaption></figure>",
                        cover("微笑服务月"), List.of(photo("收费亭里的微笑", 1200, 800), photo("便民服务箱", 1200, 800)),
                        false),
                new Article(stationId, "CULTURE", station + "职工之家焕新开放",
                        "健身区、阅读角、母婴室一应俱全，倒班职工随时可用。",
                        "<p>经过一个月改造，" + station + "职工之家重新开放。</p>"
                                + "<figure><img src=\"{pic0}\" alt=\"\"></figure>"
                                + "<ul><li>健身区：跑步机、动感单车</li><li>阅读角：职工书屋三百册图书</li><li>母婴室</li></ul>",
                        cover("职工之家焕新开放"), List.of(photo("职工之家", 1200, 800)), false),
                new Article(stationId, "NOTICE", station + "关于冬季排班调整的通知",
                        "十二月一日起夜班交接时间调整为二十二点，请各班组提前安排。",
                        "<p>各班组：</p><p>为减少夜间交接在低温时段的停留，自十二月一日起夜班交接时间由二十三点调整为二十二点。</p>"
                                + "<p>如有困难请向站工会反映。</p>",
                        cover("冬季排班调整"), List.of(), true));
    }
}
