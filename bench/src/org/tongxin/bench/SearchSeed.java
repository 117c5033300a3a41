package org.tongxin.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.tongxin.bench.BookGenerator.Book;

/**
 * The catalogue of the {@code search} scenario written straight into the library's tables with {@code COPY},
 * <b>bypassing the app</b> (200,000 titles through the cataloguing form would measure the form): eight reading
 * rooms, the generated books as titles with ids 1..n in generation order (created one after another over five
 * years, so the newest have the highest ids), each in one of the catalogue's categories, and one to three copies
 * per title in random rooms, 80 % on the shelf, 14 % on loan, 3 % in transit, 3 % lost. The copy trigger that
 * renumbers a title for each copy added (V13) is off during the COPY: every title is new anyway and is indexed
 * whole when the app starts.
 */
final class SearchSeed {

    private static final int CHUNK = 20_000;
    private static final OffsetDateTime FIRST = OffsetDateTime.of(2021, 11, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final String[] ROOMS = {"蒲江收费站职工书屋", "雅安管理处职工书屋", "成都北服务区职工书屋",
            "乐山养护中心职工书屋", "都江堰收费站职工书屋", "眉山路政大队职工书屋", "公司本部职工书屋",
            "川西机电分中心职工书屋"};

    private SearchSeed() {
    }

    static Map<String, Object> load(Database db, List<Book> books, long seed) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Random random = new Random(seed);
        try (Connection c = db.connect()) {
            List<Long> rooms = new ArrayList<>();
            try (PreparedStatement room = c.prepareStatement(
                    "INSERT INTO library_room (name, unit_id, site, hours) VALUES (?, 1, '', '') RETURNING id")) {
                for (String name : ROOMS) {
                    room.setString(1, name);
                    try (ResultSet rs = room.executeQuery()) {
                        rs.next();
                        rooms.add(rs.getLong(1));
                    }
                }
            }
            List<Long> categories = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM library_category ORDER BY id")) {
                while (rs.next()) {
                    categories.add(rs.getLong(1));
                }
            }
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long minutesApart = Math.max(1, 5L * 365 * 24 * 60 / books.size());
            long copies = 0;
            int[] byStatus = new int[4];
            String[] statuses = {"AVAILABLE", "ON_LOAN", "IN_TRANSIT", "LOST"};
            for (int from = 0; from < books.size(); from += CHUNK) {
                StringBuilder titles = new StringBuilder();
                StringBuilder copyRows = new StringBuilder();
                for (int i = from; i < Math.min(books.size(), from + CHUNK); i++) {
                    Book b = books.get(i);
                    long id = i + 1;
                    OffsetDateTime created = FIRST.plusMinutes(i * minutesApart + random.nextInt((int) minutesApart));
                    titles.append(id).append('\t').append(b.isbn13() == null ? "\\N" : b.isbn13()).append('\t')
                            .append(b.title()).append('\t').append(b.authors()).append('\t').append(b.publisher())
                            .append('\t').append(b.year()).append('\t')
                            .append(categories.get(random.nextInt(categories.size()))).append('\t')
                            .append(b.summary()).append("\t1\t").append(created).append('\n');
                    int n = 1 + random.nextInt(3);
                    for (int k = 0; k < n; k++) {
                        int roll = random.nextInt(100);
                        int status = roll < 80 ? 0 : roll < 94 ? 1 : roll < 97 ? 2 : 3;
                        byStatus[status]++;
                        long room = rooms.get(random.nextInt(rooms.size()));
                        copies++;
                        copyRows.append(id).append("\tT").append(String.format("%08d", copies)).append('\t')
                                .append(room).append('\t').append(room).append('\t').append(statuses[status])
                                .append("\t1\n");
                    }
                }
                copy.copyIn("COPY library_title (id, isbn13, title, authors, publisher, pub_year, category_id, summary, "
                        + "created_by, created_at) FROM STDIN", new StringReader(titles.toString()));
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE library_copy DISABLE TRIGGER library_copy_touches_title");
                }
                copy.copyIn("COPY library_copy (title_id, barcode, home_room_id, room_id, status, added_by) FROM STDIN",
                        new StringReader(copyRows.toString()));
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE library_copy ENABLE TRIGGER library_copy_touches_title");
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval('library_title_id_seq', " + books.size() + ")");
                s.execute("SELECT setval('library_barcode_seq', " + copies + ")");
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE library_title");
                s.execute("VACUUM ANALYZE library_copy");
            }
            out.put("rooms", rooms.size());
            out.put("titles", books.size());
            out.put("with_isbn", books.stream().filter(b -> b.isbn13() != null).count());
            out.put("copies", copies);
            Map<String, Integer> status = new LinkedHashMap<>();
            for (int i = 0; i < statuses.length; i++) {
                status.put(statuses[i], byStatus[i]);
            }
            out.put("copies_by_status", status);
        }
        out.put("seconds", Profile.round((System.nanoTime() - t0) / 1e9, 1));
        return out;
    }
}
