package org.tongxin.library.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.library.internal.Catalogue.Category;

/**
 * A reader's own reading record: per year, the loans, the different titles and the top categories they fall in.
 * It is shown to the reader alone.
 */
@Service
public class ReadingRecords {

    /** A year of reading; {@code categories} maps each top category to its loans, most read first. */
    public record Year(int year, int loans, int titles, Map<Category, Integer> categories) {
    }

    private record Row(int year, long categoryId, int loans) {
    }

    private final JdbcClient jdbc;
    private final Catalogue catalogue;

    ReadingRecords(JdbcClient jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** The reader's years, latest first (in the server's time zone, as the database session counts them). */
    public List<Year> years(long employeeId) {
        List<Row> rows = jdbc.sql("""
                        SELECT extract(year FROM l.borrowed_at)::int, t.category_id, count(*)::int
                        FROM library_loan l JOIN library_copy c ON c.id = l.copy_id JOIN library_title t ON t.id = c.title_id
                        WHERE l.employee_id = ? GROUP BY 1, 2""")
                .param(employeeId)
                .query((rs, i) -> new Row(rs.getInt(1), rs.getLong(2), rs.getInt(3))).list();
        Map<Integer, Integer> titles = new HashMap<>();
        jdbc.sql("""
                        SELECT extract(year FROM l.borrowed_at)::int, count(DISTINCT c.title_id)::int
                        FROM library_loan l JOIN library_copy c ON c.id = l.copy_id WHERE l.employee_id = ? GROUP BY 1""")
                .param(employeeId).query((rs, i) -> titles.put(rs.getInt(1), rs.getInt(2))).list();
        Map<Long, Category> top = topCategories();
        Map<Integer, Map<Category, Integer>> byYear = new HashMap<>();
        Map<Integer, Integer> loans = new HashMap<>();
        for (Row r : rows) {
            loans.merge(r.year(), r.loans(), Integer::sum);
            Category c = top.get(r.categoryId());
            if (c != null) {
                byYear.computeIfAbsent(r.year(), y -> new HashMap<>()).merge(c, r.loans(), Integer::sum);
            }
        }
        List<Year> years = new ArrayList<>();
        for (int y : loans.keySet().stream().sorted((a, b) -> b - a).toList()) {
            Map<Category, Integer> sorted = new LinkedHashMap<>();
            byYear.getOrDefault(y, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<Category, Integer>comparingByValue().reversed()
                            .thenComparing(e -> e.getKey().id()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            years.add(new Year(y, loans.get(y), titles.getOrDefault(y, 0), sorted));
        }
        return years;
    }

    /** Each category's top-level ancestor (a top category is its own). */
    private Map<Long, Category> topCategories() {
        Map<Long, Category> top = new HashMap<>();
        // The tree comes parents first, so a child's parent is always mapped before the child.
        for (Category c : catalogue.categories()) {
            top.put(c.id(), c.parentId() == null ? c : top.get(c.parentId()));
        }
        return top;
    }
}
