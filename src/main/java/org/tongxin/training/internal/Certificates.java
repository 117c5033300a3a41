package org.tongxin.training.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Certificates for a completed course or a passed assessment. Each carries a random code: the QR on the
 * printed certificate opens the public check page by that code, which shows the holder, what was achieved, when,
 * and whether it is still valid. One valid certificate per person and course or assessment.
 */
@Service
public class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    /** A certificate. */
    public record Certificate(long id, String code, long employeeId, String holderName, Long courseId,
                              Long assessmentId, String title, OffsetDateTime issuedAt, LocalDate validUntil,
                              OffsetDateTime revokedAt, String revokeReason) {

        public boolean validOn(LocalDate day) {
            return revokedAt == null && (validUntil == null || !day.isAfter(validUntil));
        }
    }

    private static final String COLUMNS = "SELECT id, code, employee_id, holder_name, course_id, assessment_id, title, "
            + "issued_at, valid_until, revoked_at, revoke_reason FROM training_certificate";
    private static final RowMapper<Certificate> MAPPER = (rs, i) -> new Certificate(rs.getLong(1), rs.getString(2),
            rs.getLong(3), rs.getString(4), rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7),
            rs.getObject(8, OffsetDateTime.class), rs.getObject(9, LocalDate.class),
            rs.getObject(10, OffsetDateTime.class), rs.getString(11));

    private final JdbcClient jdbc;

    Certificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a certificate unless the person already holds a valid one for the same course or assessment. */
    Optional<Certificate> issue(long employeeId, String holderName, Long courseId, Long assessmentId, String title,
                                OffsetDateTime at, Integer validMonths) {
        LocalDate until = validMonths == null ? null : at.toLocalDate().plusMonths(validMonths);
        List<Long> ids = jdbc.sql("""
                        INSERT INTO training_certificate (code, employee_id, holder_name, course_id, assessment_id, title,
                          issued_at, valid_until)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")
                .params(newCode(), employeeId, holderName, courseId, assessmentId, title, at, until)
                .query(Long.class).list();
        return ids.isEmpty() ? Optional.empty() : find(ids.getFirst());
    }

    public Optional<Certificate> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<Certificate> byCode(String code) {
        return jdbc.sql(COLUMNS + " WHERE code = ?").param(code == null ? "" : code.strip().toUpperCase())
                .query(MAPPER).optional();
    }

    public List<Certificate> of(long employeeId) {
        return jdbc.sql(COLUMNS + " WHERE employee_id = ? ORDER BY issued_at DESC").param(employeeId).query(MAPPER)
                .list();
    }

    static String newCode() {
        char[] c = new char[16];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
