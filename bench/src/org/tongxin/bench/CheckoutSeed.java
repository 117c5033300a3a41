package org.tongxin.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The library of the {@code checkout} scenario, written over JDBC <b>bypassing the app</b> (the scenario measures
 * borrowing, not cataloguing), after {@link RushSeed} has written the people: one reading room run by the root
 * unit, the scale's titles (20,000 at enterprise scale) with one copy each on the room's shelf, and a year of
 * returned loans (five per title) by employees drawn at random, so the loan table and its indexes have the size of
 * a library in use. Titles are put together from word lists with the run's seed; categories are V13's.
 */
final class CheckoutSeed {

    private static final String[] TOPICS = {"高速公路", "收费站", "桥梁隧道", "道路养护", "安全生产", "应急处置", "服务礼仪",
            "职工心理", "家庭教育", "中国历史", "唐诗宋词", "红色经典", "乡村振兴", "人工智能", "网络安全", "健康生活",
            "中医养生", "摄影入门", "书法艺术", "科学探索", "宇宙星空", "经济观察", "管理实践", "沟通技巧"};
    private static final String[] FORMS = {"概论", "实务", "读本", "手册", "百问", "案例选编", "入门", "精讲", "故事",
            "十讲", "简史", "漫谈", "指南", "新编", "研究"};
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘".split("");
    private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰建国志文斌宇浩凯鹏辉".split("");
    private static final String[] PUBLISHERS = {"人民交通出版社", "人民文学出版社", "中信出版社", "商务印书馆", "中华书局",
            "科学出版社", "四川人民出版社", "机械工业出版社", "三联书店", "作家出版社"};
    private static final int LOANS_PER_TITLE = 5;

    /** What was written: the room, and the copies' barcodes in title order. */
    record Library(long roomId, List<String> barcodes, List<Long> titleIds, Map<String, Object> summary) {
    }

    private CheckoutSeed() {
    }

    static Library load(Database db, long rootUnitId, int titles) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        long room;
        List<String> barcodes = new ArrayList<>(titles);
        List<Long> titleIds = new ArrayList<>(titles);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO library_room (name, unit_id, site, hours) VALUES ('公司本部职工书屋', ?, '办公楼三楼', '8:30-21:00')
                    RETURNING id""")) {
                p.setLong(1, rootUnitId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    room = rs.getLong(1);
                }
            }
            List<Long> categories = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id FROM library_category WHERE parent_id IS NOT NULL ORDER BY id")) {
                while (rs.next()) {
                    categories.add(rs.getLong(1));
                }
            }
            Random random = new Random(Harness.SEED);
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < titles; i++) {
                String title = TOPICS[random.nextInt(TOPICS.length)] + FORMS[random.nextInt(FORMS.length)]
                        + (random.nextInt(4) == 0 ? "（第" + (2 + random.nextInt(4)) + "版）" : "");
                String author = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                        + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
                csv.append(title).append('\t').append(author).append('\t')
                        .append(PUBLISHERS[random.nextInt(PUBLISHERS.length)]).append('\t')
                        .append(1990 + random.nextInt(36)).append('\t')
                        .append(categories.get(random.nextInt(categories.size()))).append("\t0\n");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            // Added by account 0, the platform (as Viewer.system names it).
            copy.copyIn("COPY library_title (title, authors, publisher, pub_year, category_id, created_by) FROM STDIN",
                    new StringReader(csv.toString()));
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO library_copy (title_id, barcode, home_room_id, room_id, status, added_at, added_by)
                    SELECT id, 'T' || lpad(nextval('library_barcode_seq')::text, 8, '0'), ?, ?, 'AVAILABLE',
                      now() - interval '400 days', 0
                    FROM library_title ORDER BY id""")) {
                p.setLong(1, room);
                p.setLong(2, room);
                out.put("copies", p.executeUpdate());
            }
            long employees;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM employee")) {
                rs.next();
                employees = rs.getLong(1);
            }
            // Each copy lent LOANS_PER_TITLE times over the year to employees spread by a multiplicative hash; the
            // employee count is a constant here so that the join is a hash join on the computed number.
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO library_loan (copy_id, employee_id, room_id, via, borrowed_at, due_at, returned_at,
                      returned_room_id)
                    SELECT c.id, e.id, ?, 'SELF', c.at, c.at + interval '30 days', c.at + interval '12 days', ?
                    FROM (SELECT id, 1 + (n * 7919 + k * 104729) % ? AS who,
                            now() - make_interval(days => 20 + ((n * 7 + k * 53) % 340)::int) AS at
                          FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM library_copy) numbered
                          CROSS JOIN generate_series(1, ?) k) c
                    JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM employee) e ON e.n = c.who""")) {
                p.setLong(1, room);
                p.setLong(2, room);
                p.setLong(3, employees);
                p.setInt(4, LOANS_PER_TITLE);
                out.put("past_loans", p.executeUpdate());
            }
            c.commit();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT t.id, c.barcode FROM library_title t "
                         + "JOIN library_copy c ON c.title_id = t.id ORDER BY t.id")) {
                while (rs.next()) {
                    titleIds.add(rs.getLong(1));
                    barcodes.add(rs.getString(2));
                }
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
        }
        out.put("room", room);
        out.put("titles", titles);
        out.put("seed_s", Profile.round((System.nanoTime() - t0) / 1e9, 1));
        return new Library(room, barcodes, titleIds, out);
    }
}
