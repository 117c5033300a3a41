package org.tongxin.care.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.care.AidSnapshot;

/** Hardship aid applications, the decisions along their chain and their evidence files. */
@Repository
public class AidRecords {

    private static final String AID = "id, employee_id, unit_id, year, category, amount_asked, situation_enc, status, "
            + "current_unit_id, amount_approved, decided_on, paid_on, amount_paid, pay_method, paid_by, applied_by, "
            + "created_at";
    private static final String OPEN = "status IN ('SUBMITTED', 'IN_REVIEW')";
    private static final String SNAPSHOT = "SELECT id, employee_id, unit_id, category, created_at, decided_on, "
            + "amount_approved, paid_on, amount_paid FROM care_aid";

    /** A decision on one step, the comment still encrypted. */
    public record Review(long id, Long unitId, boolean byCommittee, String decision, BigDecimal amount,
                         String commentEnc, long reviewedBy, String reviewerName, OffsetDateTime reviewedAt) {

        public boolean approved() {
            return decision.equals("APPROVE");
        }
    }

    /** An evidence file, its name still encrypted. */
    public record AidFile(long id, long aidId, int position, String fileKey, String mediaType, String nameEnc,
                          int sizeBytes) {
    }

    /** Amounts of one person's applications in one unit for a year. */
    public record Total(long employeeId, long unitId, int applications, BigDecimal approved, BigDecimal paid) {
    }

    /**
     * Which applications a list shows. {@code unitIds} null means every unit; {@code year}, {@code status}
     * null do not filter; {@code waitingFor} keeps only those whose current step that reviewer may decide and
     * has not: the committee's step for a committee member, a step in {@code unitIds} for an officer.
     */
    public record Filter(Collection<Long> unitIds, Integer year, String status, Reviewer waitingFor) {
    }

    /** A reviewer as the waiting queue sees them: committee members decide the committee's step. */
    public record Reviewer(long accountId, Long employeeId, boolean committee) {
    }

    private final JdbcClient jdbc;

    AidRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long employeeId, long unitId, int year, String category, BigDecimal amountAsked,
                       String situationEnc, Long currentUnitId, long appliedBy, OffsetDateTime createdAt) {
        return jdbc.sql("""
                        INSERT INTO care_aid (employee_id, unit_id, year, category, amount_asked, situation_enc, status,
                                              current_unit_id, applied_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?) RETURNING id""")
                .params(employeeId, unitId, year, category, amountAsked, situationEnc, currentUnitId, appliedBy,
                        createdAt)
                .query(Long.class).single();
    }

    public void addFile(long aidId, int position, String fileKey, String mediaType, String nameEnc, int sizeBytes) {
        jdbc.sql("""
                        INSERT INTO care_aid_file (aid_id, position, file_key, media_type, name_enc, size_bytes)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(aidId, position, fileKey, mediaType, nameEnc, sizeBytes).update();
    }

    public Optional<Aid> find(long id) {
        return jdbc.sql("SELECT " + AID + " FROM care_aid WHERE id = ?").param(id).query(Aid.class).optional();
    }

    /** The application locked for this transaction, so two reviewers cannot both decide the same step. */
    public Optional<Aid> lock(long id) {
        return jdbc.sql("SELECT " + AID + " FROM care_aid WHERE id = ? FOR UPDATE").param(id).query(Aid.class)
                .optional();
    }

    public List<AidFile> files(long aidId) {
        return jdbc.sql("""
                        SELECT id, aid_id, position, file_key, media_type, name_enc, size_bytes FROM care_aid_file
                        WHERE aid_id = ? ORDER BY position""")
                .param(aidId).query(AidFile.class).list();
    }

    public Optional<AidFile> file(long aidId, long fileId) {
        return jdbc.sql("""
                        SELECT id, aid_id, position, file_key, media_type, name_enc, size_bytes FROM care_aid_file
                        WHERE aid_id = ? AND id = ?""")
                .params(aidId, fileId).query(AidFile.class).optional();
    }

    public List<Review> reviews(long aidId) {
        return jdbc.sql("""
                        SELECT id, unit_id, by_committee, decision, amount, comment_enc, reviewed_by, reviewer_name,
                               reviewed_at FROM care_aid_review WHERE aid_id = ? ORDER BY reviewed_at, id""")
                .param(aidId).query(Review.class).list();
    }

    public boolean hasReviewed(long aidId, long accountId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM care_aid_review WHERE aid_id = ? AND reviewed_by = ?)")
                .params(aidId, accountId).query(Boolean.class).single();
    }

    public void addReview(long aidId, Long unitId, boolean byCommittee, String decision, BigDecimal amount,
                          String commentEnc, long reviewedBy, String reviewerName, OffsetDateTime reviewedAt) {
        jdbc.sql("""
                        INSERT INTO care_aid_review (aid_id, unit_id, by_committee, decision, amount, comment_enc,
                                                     reviewed_by, reviewer_name, reviewed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(aidId, unitId, byCommittee, decision, amount, commentEnc, reviewedBy, reviewerName, reviewedAt)
                .update();
    }

    /** Approved at one step and handed to the next: a unit's officers, or the committee when {@code unitId} is null. */
    public void passOn(long aidId, Long unitId) {
        jdbc.sql("UPDATE care_aid SET status = 'IN_REVIEW', current_unit_id = ? WHERE id = ?")
                .params(unitId, aidId).update();
    }

    /** The final decision: APPROVED with the amount, or DECLINED (amount null). */
    public void decide(long aidId, Aid.Status status, BigDecimal amountApproved, LocalDate decidedOn) {
        jdbc.sql("""
                        UPDATE care_aid SET status = ?, current_unit_id = NULL, amount_approved = ?, decided_on = ?
                        WHERE id = ?""")
                .params(status.name(), amountApproved, decidedOn, aidId).update();
    }

    public void pay(long aidId, LocalDate paidOn, BigDecimal amount, Aid.PayMethod method, long paidBy) {
        jdbc.sql("""
                        UPDATE care_aid SET status = 'PAID', paid_on = ?, amount_paid = ?, pay_method = ?, paid_by = ?
                        WHERE id = ? AND status = 'APPROVED'""")
                .params(paidOn, amount, method.name(), paidBy, aidId).update();
    }

    public List<Aid> ofEmployee(long employeeId) {
        return jdbc.sql("SELECT " + AID + " FROM care_aid WHERE employee_id = ? ORDER BY created_at DESC, id DESC")
                .param(employeeId).query(Aid.class).list();
    }

    /** The newest applications matching {@code filter}, at most {@code limit}. */
    public List<Aid> list(Filter filter, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        return jdbc.sql("SELECT " + AID + " FROM care_aid" + where + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(params).query(Aid.class).list();
    }

    public long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT count(*) FROM care_aid" + where(filter, params)).params(params).query(Long.class)
                .single();
    }

    /** Per person and unit, the applications of {@code year} in {@code unitIds} (every unit when null) with their sums. */
    public List<Total> totals(Collection<Long> unitIds, int year) {
        List<Object> params = new ArrayList<>();
        String where = where(new Filter(unitIds, year, null, null), params);
        return jdbc.sql("""
                        SELECT employee_id, unit_id, count(*) AS applications,
                               coalesce(sum(amount_approved), 0) AS approved, coalesce(sum(amount_paid), 0) AS paid
                        FROM care_aid""" + where + " GROUP BY employee_id, unit_id")
                .params(params).query(Total.class).list();
    }

    private static String where(Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (filter.unitIds() != null) {
            where.append(" AND unit_id = ANY(?::bigint[])");
            params.add(filter.unitIds().toArray(Long[]::new));
        }
        if (filter.year() != null) {
            where.append(" AND year = ?");
            params.add(filter.year());
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status());
        }
        Reviewer r = filter.waitingFor();
        if (r != null) {
            // An officer's step lies in the units they look after, which hold every unit on the way down too.
            where.append(" AND ").append(OPEN);
            if (r.committee()) {
                where.append(" AND current_unit_id IS NULL");
            } else {
                where.append(" AND current_unit_id = ANY(?::bigint[])");
                params.add(filter.unitIds() == null ? new Long[0] : filter.unitIds().toArray(Long[]::new));
            }
            where.append(" AND employee_id <> ? AND NOT EXISTS (SELECT 1 FROM care_aid_review v"
                    + " WHERE v.aid_id = care_aid.id AND v.reviewed_by = ?)");
            params.add(r.employeeId() == null ? -1L : r.employeeId());
            params.add(r.accountId());
        }
        return where.toString();
    }

    /** The application as it stands, for figures kept elsewhere. */
    public AidSnapshot snapshot(long id, long version) {
        return jdbc.sql(SNAPSHOT + " WHERE id = ?").param(id).query((rs, i) -> snapshot(rs, version)).single();
    }

    /** Up to {@code limit} applications after {@code afterId} in id order, as snapshots of version 0. */
    public List<AidSnapshot> snapshots(long afterId, int limit) {
        return jdbc.sql(SNAPSHOT + " WHERE id > ? ORDER BY id LIMIT ?").params(afterId, limit)
                .query((rs, i) -> snapshot(rs, 0)).list();
    }

    /** The day applied is the JVM's zone's, as the year of the application. */
    private static AidSnapshot snapshot(ResultSet rs, long version) throws SQLException {
        return new AidSnapshot(rs.getLong("id"), rs.getLong("employee_id"), rs.getLong("unit_id"),
                rs.getString("category"), rs.getObject("created_at", OffsetDateTime.class)
                        .atZoneSameInstant(ZoneId.systemDefault()).toLocalDate(),
                rs.getObject("decided_on", LocalDate.class), rs.getBigDecimal("amount_approved"),
                rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("amount_paid"), version);
    }
}
