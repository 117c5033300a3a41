package org.tongxin.demo;

import java.awt.Color;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tongxin.identity.AccountSetup;
import org.tongxin.library.LibrarySetup;
import org.tongxin.library.LibrarySetup.Book;
import org.tongxin.library.LibrarySetup.CopyRef;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * The demo's reading rooms: one at the head office run by the company union, one at the demo officer's toll
 * station, one at a service area; about 2,000 titles (well-known Chinese books and classics in translation from
 * {@code demo/library-books.txt}, and job-skill and safety titles generated from topics) with valid ISBN-13s under
 * real Chinese publishers' prefixes; 1–3 copies each; a year of loans; loans out now, some overdue; a holds queue
 * on 三国演义 (every copy out or caught, one reader's copy on the toll station's hold shelf, two waiting); copies in
 * transit; suggestions. Rooms, loans, returns, holds and suggestions go through the library's services; the
 * catalogue and the year of history are written in bulk.
 */
@Component
class LibraryDemo {

    static final String HQ_ROOM = "公司本部职工书屋";
    static final String STATION_ROOM = "蒲江收费站职工书屋";
    static final String QUEUED_TITLE = "三国演义";
    private static final int TITLES = 2100;
    private static final String BOOKS = "demo/library-books.txt";

    /** Registrant prefixes after 978-7 of the publishers the demo uses, as the real ones are numbered. */
    private static final Map<String, String> PUBLISHERS = new LinkedHashMap<>();

    static {
        String[][] p = {{"人民出版社", "01"}, {"人民文学出版社", "02"}, {"科学出版社", "03"}, {"高等教育出版社", "04"},
                {"商务印书馆", "100"}, {"中华书局", "101"}, {"生活·读书·新知三联书店", "108"}, {"机械工业出版社", "111"},
                {"中国建筑工业出版社", "112"}, {"人民交通出版社", "114"}, {"人民邮电出版社", "115"}, {"人民卫生出版社", "117"},
                {"电子工业出版社", "121"}, {"化学工业出版社", "122"}, {"北京出版社", "200"}, {"天津人民出版社", "201"},
                {"上海人民出版社", "208"}, {"浙江人民出版社", "213"}, {"云南人民出版社", "222"}, {"重庆出版社", "229"},
                {"北京大学出版社", "301"}, {"清华大学出版社", "302"}, {"浙江大学出版社", "308"}, {"中国工人出版社", "5008"},
                {"群众出版社", "5014"}, {"应急管理出版社", "5020"}, {"作家出版社", "5063"}, {"华夏出版社", "5080"},
                {"中国法制出版社", "5093"}, {"党建读物出版社", "5099"}, {"中国华侨出版社", "5113"}, {"中央编译出版社", "5117"},
                {"新星出版社", "5133"}, {"印刷工业出版社", "5142"}, {"中国青年出版社", "5153"},
                {"中国劳动社会保障出版社", "5167"}, {"中国电力出版社", "5198"}, {"东方出版社", "5207"}, {"中信出版社", "5217"},
                {"北京十月文艺出版社", "5302"}, {"上海文艺出版社", "5321"}, {"上海古籍出版社", "5325"},
                {"上海译文出版社", "5327"}, {"浙江文艺出版社", "5339"}, {"长江文艺出版社", "5354"},
                {"四川科学技术出版社", "5364"}, {"江苏凤凰文艺出版社", "5399"}, {"湖南文艺出版社", "5404"},
                {"南海出版公司", "5442"}, {"海南出版社", "5443"}, {"译林出版社", "5447"}, {"接力出版社", "5448"},
                {"广州出版社", "5462"}, {"岳麓书社", "5538"}, {"广西科学技术出版社", "5551"},
                {"长江少年儿童出版社", "5560"}, {"广东旅游出版社", "5570"}, {"少年儿童出版社", "5589"},
                {"北京联合出版公司", "5596"}, {"北京时代华文书局", "5699"}, {"湖南科学技术出版社", "5710"}};
        for (String[] e : p) {
            PUBLISHERS.put(e[0], e[1]);
        }
    }

    /** Job-skill, safety and other practical titles: topics per category, and the forms a title takes. */
    private record Shelf(String category, int count, String[] publishers, String[] topics, String[] forms) {
    }

    private static final List<Shelf> GENERATED = List.of(
            new Shelf("TRAFFIC", 420, new String[]{"人民交通出版社", "人民交通出版社", "中国建筑工业出版社"},
                    ("收费业务,高速公路收费,ETC系统运维,联网收费稽核,高速公路养护,沥青路面养护,水泥混凝土路面养护,公路桥梁养护,"
                            + "桥梁检测与评定,隧道养护,隧道机电设施维护,高速公路机电系统,交通安全设施,公路路基路面,边坡防护与治理,"
                            + "公路绿化养护,冬季除雪防滑,路政管理,高速公路清障救援,交通事故现场处置,治超检测,高速公路监控,"
                            + "道路交通标志标线,公路工程试验检测,公路工程造价,公路工程施工组织,智慧高速公路,车路协同,"
                            + "高速公路服务区管理,公路养护机械操作").split(","),
                    ("实务,基础知识,技术,操作手册,培训教材,岗位技能,知识问答,典型案例分析,标准化作业指南,常见问题处理,图解,"
                            + "新技术应用,技术规范解读,职业技能培训教程").split(",")),
            new Shelf("SAFETY", 380, new String[]{"应急管理出版社", "应急管理出版社", "中国劳动社会保障出版社", "化学工业出版社"},
                    ("安全生产,安全生产法律法规,消防安全,职业健康,职业病防治,危险化学品安全,施工现场安全,电气安全,应急救援,"
                            + "事故隐患排查治理,高处作业安全,有限空间作业安全,特种设备安全,防汛抗洪,地质灾害防治,现场急救,"
                            + "劳动防护用品使用,班组安全管理,安全文化建设,道路交通安全,道路施工作业区安全,机械设备安全操作,"
                            + "消防器材使用,安全生产标准化,风险分级管控,应急预案编制,安全生产责任制").split(","),
                    ("知识读本,知识问答,培训教材,实务,手册,事故案例警示,一本通,300问,操作规程,图解,基础,管理,常识,实用指南")
                            .split(",")),
            new Shelf("COMPUTING", 216, new String[]{"人民邮电出版社", "清华大学出版社", "电子工业出版社", "机械工业出版社"},
                    ("Excel数据处理与分析,Word公文排版,PPT设计与制作,WPS Office办公应用,Python数据分析,计算机应用基础,"
                            + "网络安全,个人信息保护,数据库应用,Linux系统管理,计算机网络,人工智能,大数据,云计算,物联网,"
                            + "短视频拍摄与剪辑,手机摄影,信息化办公").split(","),
                    "从入门到精通,实用教程,案例教程,一本通,入门,技巧,基础教程,实战,应用,速查手册,简明教程,高效办公".split(",")),
            new Shelf("SERVICE", 180, new String[]{"中国劳动社会保障出版社", "人民交通出版社", "中国工人出版社"},
                    ("文明服务礼仪,收费窗口文明服务,服务区服务,职场礼仪,沟通技巧,客户投诉处理,普通话训练,服务心理学,餐饮服务,"
                            + "客房服务,商务接待,职业形象塑造,情绪管理,团队协作,手语").split(","),
                    "实务,培训教材,案例,手册,技巧,训练,一本通,知识问答,标准化指南,基础,实用指南,图解".split(",")),
            new Shelf("ECONOMICS", 160, new String[]{"中国工人出版社", "机械工业出版社", "中国工人出版社"},
                    ("班组管理,班组长工作,企业管理,财务管理,人力资源管理,绩效管理,项目管理,成本控制,合同管理,档案管理,统计,"
                            + "工会工作,工会财务,职工代表大会制度,劳动争议调解,集体协商,劳动保护,女职工权益保护,职工之家建设,"
                            + "职工书屋建设").split(","),
                    "实务,手册,知识问答,工作指南,案例,100问,方法与技巧,读本".split(",")),
            new Shelf("LIFE", 140, new String[]{"人民卫生出版社", "人民卫生出版社", "化学工业出版社"},
                    ("高血压防治,糖尿病防治,颈椎病防治,腰椎病防治,心理健康,睡眠健康,营养膳食,家庭急救,科学健身,中医养生,"
                            + "职场减压,家庭教育,科学育儿,老年健康").split(","),
                    "百问百答,读本,指南,手册,常识,一本通,知识,300问,自我管理,误区".split(",")),
            new Shelf("PARTY", 80, new String[]{"党建读物出版社", "中国工人出版社", "人民出版社"},
                    "基层党建,党支部工作,党员教育,党史学习,思想政治工作,廉洁文化建设,企业文化建设,群众工作,劳模精神,工匠精神"
                            .split(","),
                    "实务,手册,读本,案例选编,知识问答,工作指南,100问,学习读本".split(",")),
            new Shelf("SCIENCE", 49, new String[]{"科学出版社", "湖南科学技术出版社", "中国青年出版社"},
                    "天文,地理,物理,化学,生物,气象,地质".split(","),
                    "趣谈,知识,简史,图鉴,漫谈,入门,百科".split(",")));

    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
            .split("");
    private static final String[] GIVEN = "伟芳敏静强磊军洋勇艳杰涛明超华平刚建国志文斌宇浩凯鹏辉俊婷雪琳晨欣海波云龙飞德林成蓉川"
            .split("");

    private final LibrarySetup library;
    private final OrgDirectory directory;
    private final AccountSetup accounts;
    private final MemberDirectory members;
    private final long seed;

    LibraryDemo(LibrarySetup library, OrgDirectory directory, AccountSetup accounts, MemberDirectory members,
                @Value("${tongxin.demo.seed:2026}") long seed) {
        this.library = library;
        this.directory = directory;
        this.accounts = accounts;
        this.members = members;
        this.seed = seed;
    }

    /** A title of the demo with the popularity its loans follow. */
    private record Title(long id, Book book, boolean wellKnown) {
    }

    /** The rooms and who acts in them. */
    private record Rooms(long hq, long station, long service, Viewer committee, Viewer officer) {

        Viewer officerOf(long roomId) {
            return roomId == station ? officer : committee;
        }
    }

    /**
     * Loads it all.
     *
     * @param units      every unit of the demo tree
     * @param stationId  the demo officer's toll station
     * @param demoLogins the demo officer, employee and committee member, in that order
     */
    void load(Collection<OrgUnit> units, long stationId, List<HrRow> demoLogins) {
        Random random = new Random(seed * 17 + 6);
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MINUTES);
        HrRow officerRow = demoLogins.get(0);
        HrRow employeeRow = demoLogins.get(1);
        HrRow committeeRow = demoLogins.get(2);
        Map<String, Long> logins = directory.employeeIdsByNumber(demoLogins.stream().map(HrRow::employeeNo).toList());
        OrgUnit company = units.stream().filter(u -> u.kind() == UnitKind.COMPANY_UNION).findFirst().orElseThrow();
        OrgUnit serviceArea = units.stream().filter(u -> u.name().endsWith("服务区分会")).min(Comparator.comparing(OrgUnit::id))
                .or(() -> units.stream().filter(u -> u.kind() == UnitKind.BRANCH && u.id() != stationId)
                        .min(Comparator.comparing(OrgUnit::id)))
                .orElseThrow();
        Viewer committee = new Viewer(accounts.accountId(committeeRow.employeeNo()), logins.get(committeeRow.employeeNo()),
                committeeRow.name(), Set.of(Role.EMPLOYEE, Role.OFFICER, Role.COMMITTEE), Set.of(company.id()), Set.of(),
                false);
        Viewer officer = new Viewer(accounts.accountId(officerRow.employeeNo()), logins.get(officerRow.employeeNo()),
                officerRow.name(), Set.of(Role.EMPLOYEE, Role.OFFICER, Role.CARE), Set.of(stationId), Set.of(stationId),
                false);
        String area = serviceArea.name().replace("分会", "");
        Rooms rooms = new Rooms(
                library.room(committee, HQ_ROOM, company.id(), "公司本部综合楼一楼", "周一至周五 8:30–18:00，午间不休"),
                library.room(officer, STATION_ROOM, stationId, "收费站综合楼二楼 职工之家", "全天开放，扫码自助借还"),
                library.room(committee, area + "职工书屋", serviceArea.id(), area + "综合楼二楼，司乘之家旁", "每日 9:00–21:00"),
                committee, officer);

        List<Title> titles = catalogue(random, now, committee.accountId());
        Map<Long, List<CopyRef>> copies = stock(titles, rooms, random, now, committee.accountId());
        Map<Long, List<Long>> readers = readers(company, stationId, serviceArea, rooms, logins, officerRow, employeeRow);

        Map<Long, OffsetDateTime> busySince = new HashMap<>();
        Set<Long> lent = new HashSet<>();
        Map<Long, Integer> loansOf = new HashMap<>();
        holdsQueue(titles, copies, rooms, readers, lent, loansOf, busySince, now);
        currentLoans(titles, copies, rooms, readers, lent, loansOf, busySince, random, now,
                logins.get(employeeRow.employeeNo()), logins.get(officerRow.employeeNo()));
        history(titles, copies, readers, busySince, random, now, logins.get(employeeRow.employeeNo()),
                logins.get(officerRow.employeeNo()), rooms.station());
        suggestions(rooms, readers);
    }

    // ---- catalogue

    private List<Title> catalogue(Random random, OffsetDateTime now, long by) {
        List<Book> books = new ArrayList<>();
        Map<String, Integer> serials = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Boolean> wellKnown = new ArrayList<>();
        for (String[] b : wellKnownBooks()) {
            books.add(new Book(isbn(b[4], serials, random), b[1], b[2], b[4], 1995 + random.nextInt(30), b[0], b[3],
                    arrival(random, now)));
            seen.add(b[1]);
            wellKnown.add(true);
        }
        int target = TITLES - books.size();
        int planned = GENERATED.stream().mapToInt(Shelf::count).sum();
        for (Shelf shelf : GENERATED) {
            int want = (int) Math.round((double) shelf.count() * target / planned);
            List<String> combos = new ArrayList<>();
            for (String topic : shelf.topics()) {
                for (String form : shelf.forms()) {
                    combos.add(topic + "|" + form);
                }
            }
            Collections.shuffle(combos, random);
            for (String combo : combos.subList(0, Math.min(want, combos.size()))) {
                String topic = combo.substring(0, combo.indexOf('|'));
                String form = combo.substring(combo.indexOf('|') + 1);
                int edition = random.nextInt(100) < 18 ? 2 + random.nextInt(3) : 1;
                String title = topic + form + (edition > 1 ? "（第" + edition + "版）" : "");
                if (!seen.add(title)) {
                    continue;
                }
                String publisher = shelf.publishers()[random.nextInt(shelf.publishers().length)];
                books.add(new Book(isbn(publisher, serials, random), title, author(random), publisher,
                        2008 + random.nextInt(18), shelf.category(), summary(topic, form), arrival(random, now)));
                wellKnown.add(false);
            }
        }
        List<Long> ids = library.books(books, by);
        List<Title> titles = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            titles.add(new Title(ids.get(i), books.get(i), wellKnown.get(i)));
        }
        covers(titles);
        return titles;
    }

    /** Lines of the list as [category, title, authors, summary, publisher]. */
    private static List<String[]> wellKnownBooks() {
        List<String[]> books = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(BOOKS).getInputStream(),
                StandardCharsets.UTF_8))) {
            String category = null;
            String publisher = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("@")) {
                    String[] group = line.substring(1).split(" ", 2);
                    category = group[0];
                    publisher = group[1];
                    continue;
                }
                String[] f = line.split("\\|", -1);
                books.add(new String[]{category, f[0], f[1], f[2], f.length > 3 ? f[3] : publisher});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(BOOKS, e);
        }
        return books;
    }

    /** A valid ISBN-13 under the publisher's registrant prefix (978-7-…), numbered on from a random start. */
    private static String isbn(String publisher, Map<String, Integer> serials, Random random) {
        String registrant = PUBLISHERS.get(publisher);
        if (registrant == null) {
            throw new IllegalArgumentException("no ISBN prefix for " + publisher);
        }
        int digits = 12 - 4 - registrant.length();
        int serial = serials.merge(publisher, 1 + random.nextInt(7), Integer::sum)
                + (int) Math.pow(10, digits - 1) / 2;
        String body = "9787" + registrant + String.format("%0" + digits + "d", serial % (int) Math.pow(10, digits));
        return body + check(body);
    }

    private static char check(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Most titles came in the last three years; a few dozen in the last month, the new arrivals. */
    private static OffsetDateTime arrival(Random random, OffsetDateTime now) {
        int days = random.nextInt(100) < 3 ? 1 + random.nextInt(30) : 30 + random.nextInt(3 * 365);
        return now.minusDays(days).withHour(9 + random.nextInt(8));
    }

    private static String author(Random random) {
        int n = random.nextInt(10);
        if (n == 0) {
            return "本书编写组";
        }
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        return name + (n < 6 ? " 主编" : n < 9 ? " 编著" : " 著");
    }

    private static String summary(String topic, String form) {
        if (form.contains("问") || form.contains("问答")) {
            return "以问答形式解答" + topic + "中的常见问题，条目清晰，查阅方便，适合一线职工随手翻阅。";
        }
        if (form.contains("案例")) {
            return "精选" + topic + "的典型案例，逐一分析原因、处置过程和经验教训。";
        }
        if (form.contains("手册") || form.contains("一本通") || form.contains("规程")) {
            return "以手册形式汇集" + topic + "的常用规范、操作步骤和检查要点，便于随时查阅。";
        }
        if (form.contains("教材") || form.contains("教程") || form.contains("训练")) {
            return "依据岗位培训要求编写，分单元讲解" + topic + "，每单元配有练习题，可作为职工培训教材。";
        }
        if (form.contains("图")) {
            return "用图解的方式讲解" + topic + "，直观易懂。";
        }
        if (form.contains("实务") || form.contains("技能") || form.contains("实战") || form.contains("指南")) {
            return "结合一线工作实际，系统讲解" + topic + "的工作流程、操作要点和常见问题处理方法。";
        }
        return "关于" + topic + "的实用读物，内容通俗，适合职工自学。";
    }

    /** Covers for a few of the best-known titles, drawn like the demo's photos. */
    private void covers(List<Title> titles) {
        Color[][] colours = {{new Color(160, 20, 30), new Color(230, 150, 60)},
                {new Color(20, 70, 140), new Color(110, 180, 230)}, {new Color(30, 110, 60), new Color(160, 210, 140)},
                {new Color(90, 50, 140), new Color(200, 150, 220)}};
        Map<String, Integer> quota = new HashMap<>(Map.of("CLASSICS", 4, "MODERN", 4, "HISTORY", 2));
        int n = 0;
        for (Title t : titles) {
            String category = t.book().categoryCode();
            if (t.wellKnown() && quota.getOrDefault(category, 0) > 0 && !t.book().title().contains("（")) {
                quota.merge(category, -1, Integer::sum);
                Color[] c = colours[n % colours.length];
                library.cover(t.id(), DemoPhotos.photo(t.book().title(), c[0], c[1], 240, 336, 100 + n));
                n++;
            }
        }
    }

    // ---- copies

    /** 1–3 copies of each title, most at the head office; the titles everyone knows in every room. */
    private Map<Long, List<CopyRef>> stock(List<Title> titles, Rooms rooms, Random random, OffsetDateTime now, long by) {
        List<LibrarySetup.Stock> stock = new ArrayList<>();
        long[] all = {rooms.hq(), rooms.station(), rooms.service()};
        for (Title t : titles) {
            OffsetDateTime in = t.book().addedAt().plusHours(2);
            String name = t.book().title();
            if (name.equals(QUEUED_TITLE)) {
                stock.add(new LibrarySetup.Stock(t.id(), rooms.hq(), 2, in));
                stock.add(new LibrarySetup.Stock(t.id(), rooms.station(), 1, in));
                continue;
            }
            if (name.equals("三国志")) {
                stock.add(new LibrarySetup.Stock(t.id(), rooms.hq(), 1, in));
                stock.add(new LibrarySetup.Stock(t.id(), rooms.station(), 1, in));
                continue;
            }
            int count = t.wellKnown() ? 2 + random.nextInt(2) : 1 + random.nextInt(3);
            int first = random.nextInt(100) < 50 ? 0 : 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                stock.add(new LibrarySetup.Stock(t.id(), all[(first + i) % 3], 1, in));
            }
        }
        Map<Long, List<CopyRef>> byTitle = new HashMap<>();
        for (CopyRef c : library.copies(stock, by)) {
            byTitle.computeIfAbsent(c.titleId(), k -> new ArrayList<>()).add(c);
        }
        return byTitle;
    }

    // ---- readers and loans

    /** Readers per room: the people working near it, the demo officer and employee at the toll station. */
    private Map<Long, List<Long>> readers(OrgUnit company, long stationId, OrgUnit serviceArea, Rooms rooms,
                                         Map<String, Long> logins, HrRow officerRow, HrRow employeeRow) {
        List<Long> station = new ArrayList<>(directory.activeEmployeesInSubtree(stationId));
        List<Long> service = new ArrayList<>(directory.activeEmployeesInSubtree(serviceArea.id()));
        Set<Long> elsewhere = new HashSet<>(station);
        elsewhere.addAll(service);
        List<Long> hq = directory.activeEmployeesInSubtree(company.id()).stream().filter(id -> !elsewhere.contains(id))
                .limit(400).toList();
        for (HrRow r : List.of(officerRow, employeeRow)) {
            Long id = logins.get(r.employeeNo());
            station.remove(id);
            station.addFirst(id);
        }
        return Map.of(rooms.hq(), hq, rooms.station(), station, rooms.service(), service);
    }

    private static Viewer reader(long employeeId) {
        return new Viewer(0, employeeId, "reader", Set.of(Role.EMPLOYEE), Set.of(), Set.of(), false);
    }

    /** Members among the readers (only they may hold), the demo's own log-ins aside. */
    private List<Long> members(List<Long> readers, int skip, int count) {
        return readers.stream().skip(skip).filter(members::isMember).limit(count).toList();
    }

    /**
     * 三国演义: its two head-office copies and the toll station's copy are borrowed; three readers place holds; the
     * station's copy comes back at the station's desk and is caught for the first of them, who now has it on the
     * hold shelf; the two others wait.
     */
    private void holdsQueue(List<Title> titles, Map<Long, List<CopyRef>> copies, Rooms rooms,
                            Map<Long, List<Long>> readers, Set<Long> lent, Map<Long, Integer> loansOf,
                            Map<Long, OffsetDateTime> busySince, OffsetDateTime now) {
        Title queued = titles.stream().filter(t -> t.book().title().equals(QUEUED_TITLE)).findFirst().orElseThrow();
        List<Long> hq = members(readers.get(rooms.hq()), 0, 4);
        List<Long> station = members(readers.get(rooms.station()), 2, 3);
        List<CopyRef> its = copies.get(queued.id());
        List<CopyRef> hqCopies = its.stream().filter(c -> c.roomId() == rooms.hq()).toList();
        CopyRef stationCopy = its.stream().filter(c -> c.roomId() == rooms.station()).findFirst().orElseThrow();
        library.borrow(reader(hq.get(0)), hqCopies.get(0).barcode());
        library.lend(rooms.committee(), rooms.hq(), hqCopies.get(1).barcode(), hq.get(1));
        library.lend(rooms.officer(), rooms.station(), stationCopy.barcode(), station.get(0));
        library.placeHold(reader(station.get(1)), queued.id(), rooms.station());
        library.placeHold(reader(hq.get(2)), queued.id(), rooms.hq());
        library.placeHold(reader(hq.get(3)), queued.id(), rooms.hq());
        library.returnCopy(rooms.officer(), stationCopy.barcode(), rooms.station());
        loansOf.merge(hq.get(0), 1, Integer::sum);
        loansOf.merge(hq.get(1), 1, Integer::sum);
        its.forEach(c -> {
            lent.add(c.id());
            busySince.put(c.id(), now.minusDays(1));
        });
    }

    /**
     * Seventy loans out now in the three rooms, lent at the desk or borrowed at the shelf, one per reader
     * (so no loan rule refuses one); in each room every seventh is overdue, half of those long enough to
     * block their readers. The demo employee and officer have one each, not overdue. Two toll-station copies
     * returned at the head office are on their way home.
     */
    private void currentLoans(List<Title> titles, Map<Long, List<CopyRef>> copies, Rooms rooms,
                              Map<Long, List<Long>> readers, Set<Long> lent, Map<Long, Integer> loansOf,
                              Map<Long, OffsetDateTime> busySince, Random random, OffsetDateTime now,
                              long demoEmployee, long demoOfficer) {
        Map<Long, List<CopyRef>> shelves = new HashMap<>();
        for (Title t : titles) {
            for (CopyRef c : copies.getOrDefault(t.id(), List.of())) {
                if (!lent.contains(c.id())) {
                    shelves.computeIfAbsent(c.roomId(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        shelves.values().forEach(list -> Collections.shuffle(list, random));
        for (long room : List.of(rooms.hq(), rooms.station(), rooms.service())) {
            List<Long> pool = readers.get(room);
            List<CopyRef> shelf = shelves.getOrDefault(room, List.of());
            int loans = Math.min(room == rooms.hq() ? 30 : room == rooms.station() ? 24 : 16, shelf.size());
            for (int i = 0; i < loans; i++) {
                Long who = room == rooms.station() && i < 2 ? Long.valueOf(i == 0 ? demoEmployee : demoOfficer)
                        : pick(pool, loansOf, random);
                if (who == null) {
                    break;
                }
                CopyRef copy = shelf.get(i);
                lent.add(copy.id());
                loansOf.merge(who, 1, Integer::sum);
                long loanId = i % 3 == 1
                        ? library.lend(rooms.officerOf(room), room, copy.barcode(), who)
                        : library.borrow(reader(who), copy.barcode());
                int loanDays = members.isMember(who) ? 30 : 14;
                int days = i % 7 != 3 || i < 2 ? 1 + random.nextInt(loanDays - 3)
                        : loanDays + (i % 14 == 3 ? 31 + random.nextInt(30) : 2 + random.nextInt(20));
                library.backdate(loanId, days);
                busySince.put(copy.id(), now.minusDays(days + 1L));
            }
        }
        List<CopyRef> stationShelf = shelves.getOrDefault(rooms.station(), List.of());
        for (int i = 0; i < 2 && 40 + i < stationShelf.size(); i++) {
            CopyRef copy = stationShelf.get(40 + i);
            Long who = pick(readers.get(rooms.hq()), loansOf, random);
            if (who == null) {
                break;
            }
            // Borrowed today, so the reader is not blocked even if they also have an old overdue loan.
            loansOf.merge(who, 1, Integer::sum);
            lent.add(copy.id());
            library.borrow(reader(who), copy.barcode());
            library.returnCopy(rooms.committee(), copy.barcode(), rooms.hq());
            busySince.put(copy.id(), now.minusDays(1));
        }
    }

    /** A reader of the pool with no loan yet (so no rule or overdue block can refuse them), or null. */
    private static Long pick(List<Long> pool, Map<Long, Integer> loansOf, Random random) {
        for (int tries = 0; tries < 50 && !pool.isEmpty(); tries++) {
            // The first two of the toll station's readers are the demo's own log-ins, whose loans are set apart.
            long who = pool.get(pool.size() <= 2 ? random.nextInt(pool.size()) : 2 + random.nextInt(pool.size() - 2));
            if (!loansOf.containsKey(who)) {
                return who;
            }
        }
        return null;
    }

    /**
     * A year of loans that are over: each copy lent again and again, the well-known titles far more often, to the
     * readers near its room (a few keen readers more than the rest), sometimes returned at another room. The demo
     * employee and officer have their own year of reading.
     */
    private void history(List<Title> titles, Map<Long, List<CopyRef>> copies, Map<Long, List<Long>> readers,
                         Map<Long, OffsetDateTime> busySince, Random random, OffsetDateTime now, long demoEmployee,
                         long demoOfficer, long stationRoom) {
        List<LibrarySetup.PastLoan> loans = new ArrayList<>();
        List<Long> roomIds = new ArrayList<>(readers.keySet());
        roomIds.sort(Comparator.naturalOrder());
        int demoEmployeeLoans = 0;
        int demoOfficerLoans = 0;
        for (Title t : titles) {
            for (CopyRef c : copies.getOrDefault(t.id(), List.of())) {
                int perYear = t.wellKnown() ? 3 + random.nextInt(4) : random.nextInt(100) < 35 ? 1 : 0;
                OffsetDateTime end = Objects.requireNonNullElse(busySince.get(c.id()), now).minusDays(2);
                // The first loan falls anywhere in the copy's first turn, so the year's loans spread over its months.
                OffsetDateTime at = now.minusDays(365).plusDays(random.nextInt(365 / Math.max(1, perYear)));
                List<Long> pool = readers.get(c.roomId());
                for (int k = 0; k < perYear && at.isBefore(end) && !pool.isEmpty(); k++) {
                    int keen = Math.min(pool.size(), 40);
                    long who = random.nextInt(100) < 45 ? pool.get(random.nextInt(keen)) : pool.get(random.nextInt(pool.size()));
                    if (c.roomId() == stationRoom && demoEmployeeLoans < 9 && random.nextInt(100) < 12) {
                        who = demoEmployee;
                        demoEmployeeLoans++;
                    } else if (c.roomId() == stationRoom && demoOfficerLoans < 12 && random.nextInt(100) < 12) {
                        who = demoOfficer;
                        demoOfficerLoans++;
                    }
                    OffsetDateTime borrowed = at.withHour(8 + random.nextInt(12)).withMinute(random.nextInt(60));
                    OffsetDateTime due = borrowed.plusDays(30).withHour(23).withMinute(59);
                    OffsetDateTime returned = borrowed.plusDays(3 + random.nextInt(random.nextInt(100) < 10 ? 45 : 28));
                    if (!returned.isBefore(end)) {
                        break;
                    }
                    long back = random.nextInt(100) < 8 ? roomIds.get(random.nextInt(roomIds.size())) : c.roomId();
                    loans.add(new LibrarySetup.PastLoan(c.id(), who, c.roomId(), borrowed, due, returned, back));
                    at = returned.plusDays(1 + random.nextInt(365 / Math.max(1, perYear)));
                }
            }
        }
        library.history(loans);
    }

    /** Suggestions (荐购) at the toll station and the head office: some new, one accepted, one declined. */
    private void suggestions(Rooms rooms, Map<Long, List<Long>> readers) {
        List<Long> station = readers.get(rooms.station());
        List<Long> hq = readers.get(rooms.hq());
        library.suggest(reader(station.get(0)), rooms.station(), "你当像鸟飞往你的山", "塔拉·韦斯特弗", null,
                "同事推荐的书，讲教育如何改变一个人，想和班组一起读。");
        long accepted = library.suggest(reader(station.get(3)), rooms.station(), "收费站运营管理实务", "", null,
                "新来的收费员多，希望书屋有几本讲收费站日常管理的书。");
        library.decide(rooms.officer(), accepted, "ACCEPTED", "已列入下季度采购计划，到书后会通知你。");
        library.suggest(reader(hq.get(5)), rooms.hq(), "云边有个小卖部", "张嘉佳", null, "适合午休时读的小说。");
        long declined = library.suggest(reader(hq.get(6)), rooms.hq(), "长安十二时辰", "马伯庸", null, "看了电视剧，想读原著。");
        library.decide(rooms.committee(), declined, "DECLINED", "本书屋已有马伯庸的《长安的荔枝》《两京十五日》，本季度先不重复采购，欢迎先借阅这两本。");
        List<Long> service = readers.get(rooms.service());
        if (!service.isEmpty()) {
            library.suggest(reader(service.getFirst()), rooms.service(), "克拉拉与太阳", "石黑一雄", null,
                    "值班间隙想读点外国小说。");
        }
    }
}
