package org.tongxin.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.tongxin.org.IdCardNumber;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.UnitKind;

/**
 * Generates an expressway company deterministically from a seed: the union tree with partner bodies,
 * one department per working unit, and employees with realistic Chinese names, posts, phones and
 * ID numbers that pass the GB 11643 check. Same seed, same enterprise.
 */
public final class EnterpriseGenerator {

    /**
     * A unit to create. Keys are positions in the plan; {@code departmentCode} is null for units
     * without a department of their own.
     */
    public record UnitPlan(int key, Integer parentKey, Integer besideKey, String name, UnitKind kind,
                           String departmentCode, String departmentName, String staffType) {
    }

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
            + "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    private static final String[] GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰建国志文斌宇浩凯鹏辉"
            + "俊婷雪琳晨欣悦佳怡涵梓睿子轩雨思博文昊天一鸣春燕海波云龙飞翔德林成蓉川渝锦岚").split("");
    private static final String[] CITIES = {"成都", "雅安", "乐山", "眉山", "泸州", "宜宾", "绵阳", "德阳", "自贡", "内江",
            "南充", "遂宁", "广元", "巴中", "达州", "资阳", "攀枝花", "西昌", "广安", "马尔康"};
    private static final String[] PLACES = {"蒲江", "名山", "邛崃", "大邑", "新津", "夹江", "青神", "丹棱", "洪雅", "荥经",
            "天全", "芦山", "峨眉", "犍为", "井研", "沐川", "彭山", "仁寿", "合江", "纳溪", "江安", "长宁", "高县",
            "筠连", "安州", "江油", "三台", "盐亭", "中江", "罗江", "什邡", "绵竹", "荣县", "富顺", "威远", "隆昌",
            "蓬安", "营山", "射洪", "蓬溪", "苍溪", "剑阁", "通江", "南江", "宣汉", "渠县", "安岳", "乐至", "米易",
            "盐边", "德昌", "会理", "岳池", "武胜", "理县", "汶川", "金堂", "双流", "温江", "郫都"};
    private static final String[] REGION_CODES = {"510104", "510105", "510106", "510107", "510108", "510112",
            "510113", "510114", "510115", "511802", "511102", "511402", "510502", "511502", "510703", "510603",
            "510302", "511002", "511302", "500101", "500103", "530102"};
    private static final String[] PHONE_PREFIXES = {"133", "135", "136", "137", "138", "139", "150", "151", "152",
            "157", "158", "159", "177", "180", "181", "182", "183", "186", "187", "188", "189", "199"};

    private final long seed;

    public EnterpriseGenerator(long seed) {
        this.seed = seed;
    }

    // ---- units

    public List<UnitPlan> units(Scale scale) {
        return scale == Scale.DEMO ? demoUnits() : layeredUnits(scale);
    }

    /** A hand-shaped company: head office, management centres with toll stations, maintenance, service areas. */
    private List<UnitPlan> demoUnits() {
        Plan plan = new Plan();
        int company = plan.add(null, null, "蜀道同心高速公路有限公司工会", UnitKind.COMPANY_UNION, null);
        plan.add(null, company, "公司团委", UnitKind.YOUTH_LEAGUE, null);
        plan.add(null, company, "公司女职工委员会", UnitKind.WOMEN_COMMITTEE, null);

        int office = plan.add(company, null, "机关工会", UnitKind.GRASSROOTS_UNION, null);
        plan.add(null, office, "机关党支部", UnitKind.PARTY_BRANCH, null);
        for (String dept : new String[]{"综合办公室", "党群工作部", "人力资源部", "财务管理部", "营运管理部", "工程养护部",
                "安全环保部", "信息中心"}) {
            plan.add(office, null, dept + "分会", UnitKind.BRANCH, "office:" + dept);
        }
        String[] centres = {"成都", "雅安", "乐山", "眉山", "泸州"};
        int place = 0;
        for (String centre : centres) {
            int c = plan.add(company, null, centre + "管理中心工会", UnitKind.GRASSROOTS_UNION, null);
            plan.add(null, c, centre + "管理中心党支部", UnitKind.PARTY_BRANCH, null);
            plan.add(c, null, centre + "管理中心机关分会", UnitKind.BRANCH, "centre:" + centre + "管理中心机关");
            for (int s = 0; s < 3; s++) {
                String station = PLACES[place++] + "收费站";
                int st = plan.add(c, null, station + "分会", UnitKind.BRANCH, "toll:" + station + "站务");
                for (int shift = 1; shift <= 2; shift++) {
                    plan.add(st, null, station + "收费" + "一二三".charAt(shift - 1) + "班工会小组", UnitKind.GROUP,
                            "toll:" + station + "收费" + "一二三".charAt(shift - 1) + "班");
                }
            }
            plan.add(c, null, centre + "养护工区分会", UnitKind.BRANCH, "maint:" + centre + "养护工区");
        }
        int service = plan.add(company, null, "服务区管理分公司工会", UnitKind.GRASSROOTS_UNION, null);
        for (int s = 0; s < 4; s++) {
            String area = PLACES[place++] + "服务区";
            plan.add(service, null, area + "分会", UnitKind.BRANCH, "service:" + area);
        }
        int maintenance = plan.add(company, null, "养护工程分公司工会", UnitKind.GRASSROOTS_UNION, null);
        for (int s = 0; s < 3; s++) {
            String crew = PLACES[place++] + "养护工区";
            plan.add(maintenance, null, crew + "分会", UnitKind.BRANCH, "maint:" + crew);
        }
        return plan.units;
    }

    /** A regular tree for the benchmark scales: levels of grassroots unions, branches and groups. */
    private List<UnitPlan> layeredUnits(Scale scale) {
        Plan plan = new Plan();
        int root = plan.add(null, null, scale == Scale.PROVINCE ? "四川省交通系统工会联合会" : "蜀道同心高速公路有限公司工会",
                UnitKind.COMPANY_UNION, null);
        plan.add(null, root, "团委", UnitKind.YOUTH_LEAGUE, null);
        plan.add(null, root, "女职工委员会", UnitKind.WOMEN_COMMITTEE, null);
        int[] fan = scale.fanOut();
        List<Integer> level = List.of(root);
        for (int depth = 0; depth < fan.length; depth++) {
            boolean last = depth == fan.length - 1;
            UnitKind kind = last ? UnitKind.GROUP : depth == fan.length - 2 ? UnitKind.BRANCH : UnitKind.GRASSROOTS_UNION;
            List<Integer> next = new ArrayList<>();
            for (int parent : level) {
                for (int i = 0; i < fan[depth]; i++) {
                    String name = layerName(depth, fan.length, plan.units.size(), i);
                    next.add(plan.add(parent, null, name, kind, last ? "unit:" + name : null));
                }
            }
            level = next;
        }
        return plan.units;
    }

    private static String layerName(int depth, int levels, int serial, int index) {
        String place = PLACES[serial % PLACES.length];
        if (depth == 0) {
            return CITIES[index % CITIES.length] + (index >= CITIES.length ? index / CITIES.length + 1 : "") + "片区工会";
        }
        if (depth == levels - 1) {
            return place + "收费" + (index + 1) + "班工会小组·" + serial;
        }
        if (depth == levels - 2) {
            return place + "收费站分会·" + serial;
        }
        return place + "管理处工会·" + serial;
    }

    /** Collects units with keys and department codes. */
    private static final class Plan {
        final List<UnitPlan> units = new ArrayList<>();

        int add(Integer parent, Integer beside, String name, UnitKind kind, String department) {
            int key = units.size();
            String code = null;
            String deptName = null;
            String staff = null;
            if (department != null) {
                int colon = department.indexOf(':');
                staff = department.substring(0, colon);
                deptName = department.substring(colon + 1);
                code = String.format("D%05d", key);
            }
            units.add(new UnitPlan(key, parent, beside, name, kind, code, deptName, staff));
            return key;
        }
    }

    // ---- employees

    /**
     * Streams {@code count} employees spread over the units that have departments, numbered from
     * {@code firstNo}. Phones and ID numbers are unique within one call and across calls with
     * disjoint number ranges.
     */
    public void employees(List<UnitPlan> units, int firstNo, int count, Consumer<HrRow> sink) {
        List<UnitPlan> working = units.stream().filter(u -> u.departmentCode() != null).toList();
        Random random = new Random(seed * 31 + firstNo);
        Set<String> ids = new HashSet<>();
        LocalDate today = LocalDate.of(2026, 11, 1);
        for (int i = 0; i < count; i++) {
            int no = firstNo + i;
            UnitPlan unit = working.get(random.nextInt(working.size()));
            boolean male = random.nextInt(100) < 62;
            LocalDate birth = today.minusYears(20 + random.nextInt(38)).minusDays(random.nextInt(365));
            LocalDate hire = birth.plusYears(19 + random.nextInt(6)).plusDays(random.nextInt(300));
            if (hire.isAfter(today)) {
                hire = today.minusDays(random.nextInt(200) + 1);
            }
            String id;
            do {
                id = idCard(random, birth, male);
            } while (!ids.add(id));
            String phone = PHONE_PREFIXES[no % PHONE_PREFIXES.length] + String.format("%08d", (no * 7919L) % 100_000_000L);
            String status = random.nextInt(100) < 97 ? "在职" : "休假";
            sink.accept(new HrRow(Integer.toString(no), name(random, male), male ? "男" : "女", birth.toString(), phone, id,
                    unit.departmentCode(), hire.toString(), jobTitle(random, unit.staffType()), status));
        }
    }

    private static String name(Random random, boolean male) {
        String surname = SURNAMES[Math.min(SURNAMES.length - 1, (int) Math.abs(random.nextGaussian() * 25))];
        int first = random.nextInt(GIVEN.length);
        String given = GIVEN[first];
        if (random.nextInt(100) < 70) {
            given += GIVEN[(first + 1 + random.nextInt(GIVEN.length - 1)) % GIVEN.length];
        }
        return surname + given;
    }

    private static String jobTitle(Random random, String staffType) {
        String[] titles = switch (staffType) {
            case "toll" -> new String[]{"收费员", "收费员", "收费员", "收费班长", "监控员", "票证员", "站长助理"};
            case "maint" -> new String[]{"养护工", "养护工", "机械操作手", "路政巡查员", "养护技术员", "安全员"};
            case "service" -> new String[]{"服务员", "厨师", "加油员", "保洁员", "超市店员", "服务区主管"};
            case "office", "centre" -> new String[]{"科员", "主管", "会计", "人事专员", "工程师", "驾驶员", "信息技术员"};
            default -> new String[]{"收费员", "养护工", "监控员", "科员"};
        };
        return titles[random.nextInt(titles.length)];
    }

    private static String idCard(Random random, LocalDate birth, boolean male) {
        int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
        String first17 = REGION_CODES[random.nextInt(REGION_CODES.length)]
                + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", sequence);
        return first17 + IdCardNumber.checkCharacter(first17);
    }
}
