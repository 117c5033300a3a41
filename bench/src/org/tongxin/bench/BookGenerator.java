package org.tongxin.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Real-looking Chinese book records from word lists, deterministic from a seed: titles such as 实用隧道检测手册,
 * 桥梁养护与安全管理, 江南烟雨记 or 走进敦煌, authors such as 王建国 or [美] 约翰·史密斯, a summary of one or two
 * sentences that names the book's subject and often a second one, a publisher, a year and, for nine books in
 * ten, a unique ISBN-13 in the 978-7 (China) group. Subjects are compounds of an object and an action
 * (隧道 + 检测), drawn with a long tail, so a few are everywhere and most are rare, as in a real catalogue.
 */
final class BookGenerator {

    /** A generated book; {@code isbn13} null for the one in ten without. */
    record Book(String isbn13, String title, String authors, String publisher, int year, String summary) {

        /** Title, authors and summary with separators no query contains: what a substring match looks at. */
        String text() {
            return title + "\u0001" + authors + "\u0001" + summary;
        }
    }

    static final String[] OBJECTS = {
            "隧道", "桥梁", "路面", "收费", "机电", "绿化", "边坡", "涵洞", "服务区", "车辆", "财务", "人事", "档案",
            "合同", "质量", "安全", "应急", "信息", "数据", "网络", "工程", "项目", "成本", "设备", "材料", "沥青",
            "混凝土", "钢结构", "交通", "路政", "治超", "通信", "监控", "照明", "供配电", "消防", "环境", "能源",
            "客户", "班组", "团队", "员工", "劳动", "薪酬", "绩效", "风险", "内控", "审计", "税务", "预算", "投资",
            "资产", "物资", "后勤", "食堂", "宿舍", "健康", "心理", "家庭", "子女", "职业", "技能", "岗位", "党员",
            "工会", "青年", "女职工", "志愿", "文化", "品牌", "宣传", "新闻", "公文", "会议", "办公", "电脑",
            "手机", "软件", "数据库", "程序", "算法", "图像", "语音", "智慧", "城市", "乡村", "农业", "茶叶",
            "中药", "营养", "睡眠", "运动", "跑步", "游泳", "太极", "书法", "绘画", "摄影", "音乐", "戏曲"};
    static final String[] ACTIONS = {
            "管理", "施工", "检测", "养护", "维修", "设计", "监理", "评估", "规划", "运营", "调度", "统计", "分析",
            "培训", "考核", "保障", "建设", "改革", "创新", "服务", "治理", "防护", "预警", "诊断", "优化", "控制",
            "核算", "识别", "沟通", "写作", "欣赏", "鉴赏", "保健", "调理", "入门", "进阶"};
    static final String[] PREFIXES = {"", "", "", "", "实用", "新编", "简明", "图解", "趣味", "现代", "基层",
            "一线", "职工", "大众", "走进", "漫谈", "细说", "品读", "轻松学", "零基础学"};
    static final String[] SUFFIXES = {"", "概论", "入门", "实务", "手册", "指南", "教程", "十讲", "简史", "读本",
            "百问百答", "案例精选", "研究", "基础", "故事", "随笔", "通识", "精要", "图鉴", "笔记", "纪实",
            "三十讲", "规范汇编", "技术", "原理与方法"};
    static final String[] PLACES = {"江南", "塞北", "巴蜀", "岭南", "敦煌", "长安", "洛阳", "西湖", "太湖",
            "黄山", "峨眉", "青城", "都江堰", "雅安", "乐山", "蒲江", "成都", "重庆", "川西", "滇南", "黔东",
            "秦岭", "祁连", "天山", "昆仑", "长江", "黄河", "运河", "丝路", "草原", "戈壁", "海岛", "故乡",
            "小镇", "山村", "老街", "胡同", "古道", "边城", "渡口"};
    static final String[] SCENES = {"烟雨", "往事", "春秋", "风物", "人家", "记忆", "岁月", "灯火", "星空",
            "晨光", "暮色", "雪夜", "花开", "远行", "归来", "长歌", "纪行", "旧梦", "长河", "明月"};
    static final String[] LITERARY = {"记", "志", "传", "录", "集", "赋", "行", "谣", "诗抄", "散记", "笔谈",
            "小史"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
            "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程",
            "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
            "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛",
            "闫", "段", "雷", "侯", "龙", "史", "欧阳", "司马", "诸葛", "上官"};
    static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
            "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "辉",
            "玉", "兰", "萍", "红", "鹏", "飞", "斌", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁",
            "龙", "林", "欢", "佳", "阳", "晨", "瑞", "雪", "琳", "晶", "慧", "颖", "露", "倩", "婷", "雯",
            "志", "海", "峰", "波", "松", "柏", "春", "秋", "冬", "梅", "竹", "云", "山", "川", "江", "河",
            "德", "仁", "义", "礼", "智", "信", "忠", "孝", "安", "康", "福", "寿", "喜", "乐", "荣", "光",
            "卫", "东", "南", "西", "北", "中", "新", "永", "长", "益", "民", "生", "远", "航", "博", "学"};
    static final String[] FOREIGN = {"约翰·史密斯", "玛丽·布朗", "彼得·德鲁克", "史蒂芬·柯维", "大卫·艾伦",
            "卡尔·萨根", "理查德·费曼", "丹尼尔·卡尼曼", "尤瓦尔·赫拉利", "马尔科姆·格拉德威尔", "阿兰·德波顿",
            "村上春树", "东野圭吾", "稻盛和夫", "松下幸之助"};
    static final String[] COUNTRIES = {"[美]", "[英]", "[日]", "[德]", "[法]", "[以]", "[加]"};
    static final String[] PUBLISHERS = {"人民交通出版社", "人民出版社", "中国工人出版社", "机械工业出版社",
            "电子工业出版社", "清华大学出版社", "人民文学出版社", "中华书局", "商务印书馆", "四川人民出版社",
            "科学出版社", "化学工业出版社", "中信出版社", "上海译文出版社", "作家出版社"};
    static final String[] VERBS = {"系统介绍了", "深入浅出地讲解了", "结合大量案例分析了", "全面梳理了",
            "用通俗的语言讲述了", "从实际工作出发总结了"};
    static final String[] ASPECTS = {"基本原理", "发展历程", "操作要点", "常见问题", "最新规范", "典型案例",
            "方法与技巧", "历史与文化"};
    static final String[] AUDIENCES = {"一线职工", "管理人员", "青年读者", "广大读者", "收费员", "养护工人",
            "班组长", "工会干部", "中小学生", "退休职工"};

    private final Random random;
    private final Set<String> isbns = new HashSet<>();

    BookGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<Book> books(int count) {
        List<Book> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(book());
        }
        return out;
    }

    private Book book() {
        String subject = subject();
        String title = switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> pick(PREFIXES) + subject + pick(SUFFIXES);
            case 4 -> subject + "与" + subject();
            case 5 -> pick(PREFIXES) + subject + pick(SUFFIXES) + "（第" + (2 + random.nextInt(4)) + "版）";
            case 6 -> pick(PLACES) + sceneOrEmpty() + pick(LITERARY);
            case 7 -> "我们的" + pick(PLACES);
            case 8 -> subject + "的" + pick(ASPECTS);
            default -> pick(PLACES) + subject + pick(SUFFIXES);
        };
        String authors = authors(subject);
        String summary = "本书" + pick(VERBS) + subject + "的" + pick(ASPECTS) + "，适合" + pick(AUDIENCES) + "阅读。"
                + (random.nextInt(3) == 0 ? "" : "书中还涉及" + subject() + "等内容。");
        String isbn = random.nextInt(10) == 0 ? null : isbn13();
        return new Book(isbn, title, authors, pick(PUBLISHERS), 1990 + random.nextInt(36), summary);
    }

    private String sceneOrEmpty() {
        return random.nextInt(4) == 0 ? "" : pick(SCENES);
    }

    /** An object and an action; objects with a long tail (the first few common, most rare). */
    private String subject() {
        int o = (int) Math.min(OBJECTS.length - 1, Math.floor(Math.pow(random.nextDouble(), 1.8) * OBJECTS.length));
        return OBJECTS[o] + pick(ACTIONS);
    }

    private String authors(String subject) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return subject + "编写组";
        }
        if (kind == 1) {
            return pick(COUNTRIES) + " " + pick(FOREIGN) + " 著，" + person() + " 译";
        }
        return kind < 5 ? person() + "，" + person() : person();
    }

    String person() {
        String given = pick(GIVEN) + (random.nextInt(3) == 0 ? "" : pick(GIVEN));
        return pick(SURNAMES) + given;
    }

    private String isbn13() {
        while (true) {
            String body = "9787" + String.format("%08d", random.nextInt(100_000_000));
            String isbn = body + check13(body);
            if (isbns.add(isbn)) {
                return isbn;
            }
        }
    }

    static char check13(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** The ISBN-10 of a 978 ISBN-13. */
    static String isbn10(String isbn13) {
        String nine = isbn13.substring(3, 12);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return nine + (check == 10 ? "X" : String.valueOf(check));
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
