package org.tongxin.membership.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open questions about members, settled by officers. */
@Repository
public class Flags {

    private final JdbcClient jdbc;

    Flags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises a flag unless the same one is open already. */
    public void raise(long memberId, long unitId, String reason) {
        jdbc.sql("""
                        INSERT INTO membership_flag (member_id, unit_id, reason) VALUES (?, ?, ?)
                        ON CONFLICT (member_id, reason) WHERE settled_at IS NULL DO NOTHING""")
                .params(memberId, unitId, reason).update();
    }

    public List<Flag> open() {
        return jdbc.sql("SELECT id, member_id, unit_id, reason, raised_at FROM membership_flag WHERE settled_at IS NULL ORDER BY id")
                .query(Flag.class).list();
    }

    public Optional<Flag> lockOpen(long id) {
        return jdbc.sql("""
                        SELECT id, member_id, unit_id, reason, raised_at FROM membership_flag
                        WHERE id = ? AND settled_at IS NULL FOR UPDATE""")
                .param(id).query(Flag.class).optional();
    }

    /** Open flags move with the member, to the officers who now hold them. */
    public void follow(long memberId, long unitId) {
        jdbc.sql("UPDATE membership_flag SET unit_id = ? WHERE member_id = ? AND settled_at IS NULL")
                .params(unitId, memberId).update();
    }

    public void settle(long id, long by, String outcome) {
        jdbc.sql("UPDATE membership_flag SET settled_at = now(), settled_by = ?, outcome = ? WHERE id = ?")
                .params(by, outcome, id).update();
    }
}
