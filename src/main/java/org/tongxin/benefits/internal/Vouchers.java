package org.tongxin.benefits.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;

/**
 * Vouchers of both kinds — an offer claimed, a birthday benefit issued — as their holder sees them, and the partner's
 * check: a public page found by the voucher's unguessable code, which says whether it is valid and redeems it once with
 * the partner's PIN. The holder's name never leaves as more than its first character. Redeeming is one conditional
 * UPDATE ({@code redeemed_at IS NULL}); wrong PINs are counted per voucher and lock its check for a while
 * ({@link VoucherRules}).
 */
@Service
public class Vouchers {

    /** A voucher with what it is for: an offer (title and partner) or a birthday benefit (kind, amount, shop). */
    public record View(long id, String code, long employeeId, Long offerId, Long birthdayId, String title,
                       String partner, String kind, BigDecimal amount, LocalDate validFrom, LocalDate validUntil,
                       OffsetDateTime createdAt, OffsetDateTime redeemedAt, String redeemedBy,
                       OffsetDateTime voidedAt, VoucherRules.State state, String pinHash) {

        public boolean birthday() {
            return birthdayId != null;
        }

        public boolean usable() {
            return state == VoucherRules.State.VALID || state == VoucherRules.State.NOT_YET
                    || state == VoucherRules.State.LOCKED;
        }
    }

    /** What the partner's check page shows: never the holder's name, only its first character. */
    public record Check(View voucher, String maskedHolder) {
    }

    /** The outcome of a redeem try, with the tries left after a wrong PIN. */
    public enum Outcome { REDEEMED, WRONG_PIN, BAD_PIN, NOT_REDEEMABLE }

    public record Redeem(Outcome outcome, Check check, int triesLeft) {
    }

    private static final String SELECT = """
            SELECT v.*, o.title AS offer_title, o.partner AS offer_partner, o.status AS offer_status,
                   o.pin_hash AS offer_pin, b.kind AS birthday_kind, b.amount AS birthday_amount,
                   b.partner AS birthday_partner, b.note AS birthday_note, s.pin_hash AS birthday_pin
            FROM benefits_voucher v
            LEFT JOIN benefits_offer o ON o.id = v.offer_id
            LEFT JOIN benefits_birthday b ON b.id = v.birthday_id
            LEFT JOIN benefits_birthday_setting s ON v.birthday_id IS NOT NULL
            """;

    private final JdbcClient jdbc;
    private final VoucherCodes codes;
    private final OrgDirectory org;
    private final BenefitsSnapshots snapshots;
    private final Clock clock;

    Vouchers(JdbcClient jdbc, VoucherCodes codes, OrgDirectory org, BenefitsSnapshots snapshots,
             Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.org = org;
        this.snapshots = snapshots;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Gives a voucher for an offer or a birthday benefit (exactly one of the two), in the caller's transaction. */
    Optional<Long> issue(long employeeId, Long offerId, Long birthdayId, LocalDate from, LocalDate until) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO benefits_voucher (code, employee_id, offer_id, birthday_id, valid_from, valid_until)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (offer_id, employee_id) WHERE offer_id IS NOT NULL DO NOTHING RETURNING id""")
                .params(codes.newCode(), employeeId, offerId, birthdayId, from, until).query(Long.class).optional();
        id.ifPresent(snapshots::voucherChanged);
        return id;
    }

    /** The holder's own voucher; anyone else's: not found. */
    public View mine(Viewer viewer, long voucherId) {
        return find(voucherId).filter(v -> viewer.employeeId() != null && v.employeeId() == viewer.employeeId())
                .orElseThrow(() -> new NotFoundException("voucher " + voucherId));
    }

    public Optional<View> find(long voucherId) {
        return jdbc.sql(SELECT + " WHERE v.id = ?").param(voucherId).query(this::view).optional();
    }

    /** Every voucher the person holds, newest first. */
    public List<View> held(long employeeId) {
        return jdbc.sql(SELECT + " WHERE v.employee_id = ? ORDER BY v.id DESC").param(employeeId).query(this::view)
                .list();
    }

    /** How many of the person's vouchers can still be used (for the home and "me" cards). */
    public long usableCount(long employeeId) {
        return jdbc.sql("""
                        SELECT count(*) FROM benefits_voucher
                        WHERE employee_id = ? AND redeemed_at IS NULL AND voided_at IS NULL AND valid_until >= ?""")
                .params(employeeId, today()).query(Long.class).single();
    }

    /** The partner's check of a code; empty when no voucher has it. */
    public Optional<Check> check(String code) {
        if (!VoucherCodes.wellFormed(code)) {
            return Optional.empty();
        }
        return byCode(code).map(this::checkOf);
    }

    /**
     * Redeems the voucher with the partner's PIN, once: a voucher not valid now (used, withdrawn, expired, not yet
     * valid, locked) is refused whatever the PIN; a wrong PIN counts towards the lock. A PIN that cannot be one (not
     * six digits) is refused without counting.
     */
    @Transactional
    public Redeem redeem(String code, String typedPin) {
        View v = check(code).map(Check::voucher).orElseThrow(() -> new NotFoundException("voucher"));
        if (v.state() != VoucherRules.State.VALID) {
            return new Redeem(Outcome.NOT_REDEEMABLE, checkOf(v), 0);
        }
        String pin = VoucherRules.pin(typedPin);
        if (pin == null) {
            return new Redeem(Outcome.BAD_PIN, checkOf(v), VoucherRules.MAX_WRONG_PINS - wrongPins(v.id()));
        }
        if (!codes.matches(pin, v.pinHash())) {
            Optional<Integer> wrong = jdbc.sql("""
                            UPDATE benefits_voucher SET
                              wrong_pins = CASE WHEN wrong_pins + 1 >= ? THEN 0 ELSE wrong_pins + 1 END,
                              locked_until = CASE WHEN wrong_pins + 1 >= ? THEN now() + make_interval(secs => ?)
                                             ELSE locked_until END
                            WHERE id = ? AND (locked_until IS NULL OR locked_until <= now())
                            RETURNING wrong_pins""")
                    .params(VoucherRules.MAX_WRONG_PINS, VoucherRules.MAX_WRONG_PINS, VoucherRules.LOCK.toSeconds(),
                            v.id()).query(Integer.class).optional();
            View after = find(v.id()).orElseThrow();
            if (wrong.isEmpty() || after.state() == VoucherRules.State.LOCKED) {
                return new Redeem(Outcome.NOT_REDEEMABLE, checkOf(after), 0);
            }
            return new Redeem(Outcome.WRONG_PIN, checkOf(after), VoucherRules.MAX_WRONG_PINS - wrong.get());
        }
        int done = jdbc.sql("""
                        UPDATE benefits_voucher SET redeemed_at = now(), redeemed_by = 'PARTNER', wrong_pins = 0
                        WHERE id = ? AND redeemed_at IS NULL AND voided_at IS NULL
                          AND (locked_until IS NULL OR locked_until <= now())""")
                .param(v.id()).update();
        if (done == 1) {
            snapshots.voucherChanged(v.id());
        }
        View after = find(v.id()).orElseThrow();
        return new Redeem(done == 1 ? Outcome.REDEEMED : Outcome.NOT_REDEEMABLE, checkOf(after), 0);
    }

    /** Marks a voucher used at an officer's word (the partner's scan failed, say), once; false when it was not usable. */
    boolean markUsed(long voucherId, long accountId) {
        boolean used = jdbc.sql("""
                        UPDATE benefits_voucher SET redeemed_at = now(), redeemed_by = 'OFFICER', redeemed_by_account = ?
                        WHERE id = ? AND redeemed_at IS NULL AND voided_at IS NULL AND valid_until >= ?""")
                .params(accountId, voucherId, today()).update() == 1;
        if (used) {
            snapshots.voucherChanged(voucherId);
        }
        return used;
    }

    private int wrongPins(long id) {
        return jdbc.sql("SELECT wrong_pins FROM benefits_voucher WHERE id = ?").param(id).query(Integer.class).single();
    }

    private Optional<View> byCode(String code) {
        return jdbc.sql(SELECT + " WHERE v.code = ?").param(code).query(this::view).optional();
    }

    private Check checkOf(View v) {
        String name = org.employee(v.employeeId()).map(e -> e.name()).orElse("");
        return new Check(v, masked(name));
    }

    /** The first character and a star: 张三 → 张*. */
    static String masked(String name) {
        String n = name == null ? "" : name.strip();
        return n.isEmpty() ? "*" : n.substring(0, Character.charCount(n.codePointAt(0))) + "*";
    }

    private View view(ResultSet rs, int i) throws SQLException {
        boolean birthday = rs.getObject("birthday_id") != null;
        OffsetDateTime redeemed = rs.getObject("redeemed_at", OffsetDateTime.class);
        OffsetDateTime voided = rs.getObject("voided_at", OffsetDateTime.class);
        LocalDate from = rs.getObject("valid_from", LocalDate.class);
        LocalDate until = rs.getObject("valid_until", LocalDate.class);
        VoucherRules.State state = VoucherRules.state(redeemed, voided, from, until,
                rs.getObject("locked_until", OffsetDateTime.class), today(), OffsetDateTime.now(clock));
        return new View(rs.getLong("id"), rs.getString("code"), rs.getLong("employee_id"),
                birthday ? null : rs.getLong("offer_id"), birthday ? rs.getLong("birthday_id") : null,
                birthday ? rs.getString("birthday_note") : rs.getString("offer_title"),
                birthday ? rs.getString("birthday_partner") : rs.getString("offer_partner"),
                birthday ? rs.getString("birthday_kind") : null, birthday ? rs.getBigDecimal("birthday_amount") : null,
                from, until, rs.getObject("created_at", OffsetDateTime.class), redeemed, rs.getString("redeemed_by"),
                voided, state, birthday ? rs.getString("birthday_pin") : rs.getString("offer_pin"));
    }
}
