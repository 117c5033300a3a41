package org.tongxin.notify.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.NoticeKind;
import org.tongxin.shared.web.Refusal;

/** Each person's notification settings and their channel choice per kind of notice. */
@Repository
public class NoticeSettings {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private static final RowMapper<NoticeSetting> SETTING = (rs, i) -> new NoticeSetting(rs.getString("email"),
            rs.getObject("quiet_from", LocalTime.class), rs.getObject("quiet_until", LocalTime.class),
            rs.getBoolean("digest"), rs.getObject("digest_at", LocalTime.class));

    private final JdbcClient jdbc;

    NoticeSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public NoticeSetting of(long employeeId) {
        return jdbc.sql("SELECT * FROM notice_setting WHERE employee_id = ?").param(employeeId).query(SETTING)
                .optional().orElse(NoticeSetting.NONE);
    }

    /** The settings of those among the people who have any. */
    Map<Long, NoticeSetting> of(Collection<Long> employeeIds) {
        Map<Long, NoticeSetting> out = new HashMap<>();
        jdbc.sql("SELECT * FROM notice_setting WHERE employee_id = ANY(?)").param(employeeIds.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong("employee_id"), SETTING.mapRow(rs, 0));
                });
        return out;
    }

    /** The channels chosen for the kind, by those among the people who chose. */
    Map<Long, Set<ChannelName>> chosen(Collection<Long> employeeIds, NoticeKind kind) {
        Map<Long, Set<ChannelName>> out = new HashMap<>();
        jdbc.sql("SELECT employee_id, channels FROM notice_preference WHERE employee_id = ANY(?) AND kind = ?")
                .params(employeeIds.toArray(Long[]::new), kind.name())
                .query(rs -> {
                    out.put(rs.getLong(1), channels(rs.getArray(2)));
                });
        return out;
    }

    /** What the person chose, per kind; kinds without a choice are left out. */
    public Map<NoticeKind, Set<ChannelName>> chosen(long employeeId) {
        Map<NoticeKind, Set<ChannelName>> out = new EnumMap<>(NoticeKind.class);
        jdbc.sql("SELECT kind, channels FROM notice_preference WHERE employee_id = ?").param(employeeId)
                .query(rs -> {
                    out.put(NoticeKind.valueOf(rs.getString(1)), channels(rs.getArray(2)));
                });
        return out;
    }

    /**
     * Saves the person's settings and channel choice for every kind (a kind missing from {@code choices} gets no
     * outside channel). Quiet hours are both times or neither; the email address is checked for shape.
     */
    @Transactional
    public void save(long employeeId, NoticeSetting setting, Map<NoticeKind, Set<ChannelName>> choices) {
        String email = setting.email() == null ? null : setting.email().strip();
        if (email != null && email.isEmpty()) {
            email = null;
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new Refusal("notify.error.email");
        }
        if ((setting.quietFrom() == null) != (setting.quietUntil() == null)
                || (setting.quietFrom() != null && setting.quietFrom().equals(setting.quietUntil()))) {
            throw new Refusal("notify.error.quietHours");
        }
        LocalTime digestAt = setting.digestAt() == null ? NoticeSetting.NONE.digestAt() : setting.digestAt();
        jdbc.sql("""
                        INSERT INTO notice_setting (employee_id, email, quiet_from, quiet_until, digest, digest_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (employee_id) DO UPDATE SET email = excluded.email, quiet_from = excluded.quiet_from,
                          quiet_until = excluded.quiet_until, digest = excluded.digest, digest_at = excluded.digest_at,
                          updated_at = now()""")
                .params(employeeId, email, setting.quietFrom(), setting.quietUntil(), setting.digest(), digestAt)
                .update();
        for (NoticeKind kind : NoticeKind.values()) {
            Set<ChannelName> c = choices.getOrDefault(kind, Set.of());
            jdbc.sql("""
                            INSERT INTO notice_preference (employee_id, kind, channels) VALUES (?, ?, ?::text[])
                            ON CONFLICT (employee_id, kind) DO UPDATE SET channels = excluded.channels""")
                    .params(employeeId, kind.name(), c.stream().map(Enum::name).sorted().toArray(String[]::new))
                    .update();
        }
    }

    private static Set<ChannelName> channels(Array array) throws SQLException {
        Set<ChannelName> out = EnumSet.noneOf(ChannelName.class);
        for (Object o : (Object[]) array.getArray()) {
            out.add(ChannelName.valueOf((String) o));
        }
        return out;
    }
}
