package org.tongxin.identity.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.notify.Languages;

/** The language each person last chose on their account, for the notices sent to them. */
@Component
class AccountLanguages implements Languages {

    private final JdbcClient jdbc;

    AccountLanguages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Locale> of(Collection<Long> employeeIds) {
        if (employeeIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT employee_id, locale FROM account
                        WHERE employee_id = ANY(?) AND locale IS NOT NULL AND locale <> ''""")
                .param(employeeIds.toArray(Long[]::new))
                .query((rs, i) -> Map.entry(rs.getLong(1), Locale.forLanguageTag(rs.getString(2)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
