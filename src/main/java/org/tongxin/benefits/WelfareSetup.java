package org.tongxin.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.benefits.internal.BenefitsSnapshots;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.benefits.internal.WelfarePackage;
import org.tongxin.benefits.internal.WelfareRound;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;

/**
 * Holiday welfare rounds for the demo enterprise. Open rounds are made through the service as the pages make them;
 * a past round ({@link #pastRound}) is written directly, since the service refuses windows in the past, but with the
 * same rules: the members of the subtree on the eligibility day, each at their branch; every member holds one package
 * (picked, or the default), each package's {@code taken} is the number of members holding it and never above its
 * stock, and the spend stays within the budget because no package costs more than the budget per member.
 */
@Service
public class WelfareSetup {

    /** A package of a demo round: name, description, price, supplier, stock; {@code weight} of members picking it. */
    public record Pack(String name, String description, BigDecimal price, String supplier, int stock, int weight) {
    }

    private final Welfare welfare;
    private final OrgDirectory org;
    private final MemberDirectory members;
    private final BenefitsSnapshots snapshots;
    private final JdbcClient jdbc;

    WelfareSetup(Welfare welfare, OrgDirectory org, MemberDirectory members, BenefitsSnapshots snapshots,
                 JdbcClient jdbc) {
        this.welfare = welfare;
        this.org = org;
        this.members = members;
        this.snapshots = snapshots;
        this.jdbc = jdbc;
    }

    /** The committee's cap per member for a year. */
    public void cap(Viewer committee, int year, BigDecimal cap) {
        welfare.setCap(committee, year, cap);
    }

    /**
     * A round of the unit's subtree ({@code occasion} e.g. {@code MID_AUTUMN}) opened now through the service, its window closing at {@code closesAt}; the first
     * package is the default.
     */
    @Transactional
    public long openRound(Viewer owner, long unitId, String occasion, String title,
                          BigDecimal budgetPerMember, LocalDate eligibleOn, OffsetDateTime closesAt, List<Pack> packs) {
        long id = welfare.create(owner, new Welfare.Draft(unitId, WelfareRound.Occasion.valueOf(occasion), title,
                budgetPerMember, eligibleOn,
                welfare.now().minusMinutes(5), closesAt));
        Long first = null;
        for (Pack p : packs) {
            long pack = welfare.addPackage(owner, id, new Welfare.PackageDraft(p.name(), p.description(), p.price(),
                    p.supplier(), p.stock()));
            first = first == null ? pack : first;
        }
        welfare.setDefault(owner, id, first);
        welfare.open(owner, id);
        return id;
    }

    /**
     * Picks for about {@code share} of the round's members (not those in {@code skip}), spread over the packages by
     * their weights and never beyond stock, as if made over the hours since the round opened; the round's sites are
     * published again, as the picks through the service would have.
     */
    @Transactional
    public int picks(long roundId, List<Pack> packs, double share, Set<Long> skip, long seed) {
        List<WelfarePackage> packages = welfare.packages(roundId);
        List<Long[]> chosen = choose(roundId, packages, packs, share, skip, seed);
        WelfareRound round = welfare.find(roundId).orElseThrow();
        long minutes = Math.max(1, java.time.Duration.between(round.opensAt(), welfare.now()).toMinutes());
        Random random = new Random(seed);
        Long[] entitlements = chosen.stream().map(c -> c[0]).toArray(Long[]::new);
        Long[] packages2 = chosen.stream().map(c -> c[1]).toArray(Long[]::new);
        OffsetDateTime[] at = chosen.stream().map(c -> round.opensAt().plusMinutes(random.nextLong(minutes)))
                .toArray(OffsetDateTime[]::new);
        for (int i = 0; i < entitlements.length; i++) {
            jdbc.sql("UPDATE welfare_entitlement SET package_id = ?, picked_at = ? WHERE id = ?")
                    .params(packages2[i], at[i], entitlements[i]).update();
        }
        recount(roundId);
        snapshots.welfareChanged(roundId, null);
        return entitlements.length;
    }

    /** Each chosen place with its package: {entitlement id, package id}. */
    private List<Long[]> choose(long roundId, List<WelfarePackage> packages, List<Pack> packs, double share,
                                Set<Long> skip, long seed) {
        Random random = new Random(seed);
        Map<Long, Integer> left = new HashMap<>();
        packages.forEach(p -> left.put(p.id(), p.left()));
        int total = packs.stream().mapToInt(Pack::weight).sum();
        List<Long[]> chosen = new ArrayList<>();
        List<long[]> places = jdbc.sql("""
                        SELECT id, employee_id FROM welfare_entitlement WHERE round_id = ? AND package_id IS NULL
                        ORDER BY id""").param(roundId)
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        for (long[] place : places) {
            if (skip.contains(place[1]) || random.nextDouble() >= share) {
                continue;
            }
            int dice = random.nextInt(total);
            int index = 0;
            while (dice >= packs.get(index).weight()) {
                dice -= packs.get(index).weight();
                index++;
            }
            for (int tries = 0; tries < packages.size(); tries++) {
                WelfarePackage p = packages.get((index + tries) % packages.size());
                if (left.get(p.id()) > 0) {
                    left.merge(p.id(), -1, Integer::sum);
                    chosen.add(new Long[]{place[0], p.id()});
                    break;
                }
            }
        }
        return chosen;
    }

    private void recount(long roundId) {
        jdbc.sql("""
                        UPDATE welfare_package p SET taken = (SELECT count(*) FROM welfare_entitlement e
                                                             WHERE e.package_id = p.id)
                        WHERE p.round_id = ?""").param(roundId).update();
    }

    /**
     * A finished round written as it would have run: opened at {@code opensAt} for the subtree's members on
     * {@code eligibleOn}, picks by about {@code share} of them, the default for the rest at {@code closesAt}, delivery
     * confirmed at every site by {@code deliveredBy} three days later, and collections: most signed by the members,
     * some handed over by officers; the members in {@code exceptions} are left absent or on leave (the first closed as
     * returned to the supplier, the second collected by a colleague, the rest open).
     */
    @Transactional
    public long pastRound(Viewer owner, long unitId, String occasion, String title,
                          BigDecimal budgetPerMember, LocalDate eligibleOn, OffsetDateTime opensAt,
                          OffsetDateTime closesAt, List<Pack> packs, double share, List<Long> exceptions, long seed) {
        List<Long> eligible = members.membersOn(org.employeesOnTheBooksInSubtree(unitId), eligibleOn).stream().sorted()
                .toList();
        BigDecimal budget = budgetPerMember.multiply(BigDecimal.valueOf(eligible.size()));
        int year = opensAt.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        long id = jdbc.sql("""
                        INSERT INTO welfare_round (unit_id, occasion, title, year, budget_per_member, eligible_on, opens_at,
                          closes_at, status, members, budget, created_by, created_at, opened_at, closed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CLOSED', ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unitId, WelfareRound.Occasion.valueOf(occasion).name(), title, year, budgetPerMember, eligibleOn,
                        opensAt, closesAt,
                        eligible.size(), budget, owner.accountId(), opensAt.minusDays(3), opensAt, closesAt)
                .query(Long.class).single();
        int position = 0;
        Long first = null;
        for (Pack p : packs) {
            if (p.price().compareTo(budgetPerMember) > 0) {
                throw new IllegalArgumentException("a package above the budget per member: " + p.name());
            }
            long pack = jdbc.sql("""
                            INSERT INTO welfare_package (round_id, name, description, price, supplier, stock, position)
                            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(id, p.name(), p.description(), p.price(), p.supplier(),
                            first == null ? Math.max(p.stock(), eligible.size()) : p.stock(), ++position)
                    .query(Long.class).single();
            first = first == null ? pack : first;
        }
        jdbc.sql("UPDATE welfare_round SET default_package_id = ? WHERE id = ?").params(first, id).update();

        Map<Long, Long> unitOf = org.unitIdsOf(eligible);
        Map<Long, Long> siteOfUnit = new HashMap<>();
        Long[] employees = eligible.toArray(Long[]::new);
        Long[] sites = eligible.stream().map(e -> siteOfUnit.computeIfAbsent(unitOf.get(e), this::site))
                .toArray(Long[]::new);
        jdbc.sql("""
                        INSERT INTO welfare_entitlement (round_id, employee_id, site_id)
                        SELECT ?, e, s FROM unnest(?::bigint[], ?::bigint[]) AS t(e, s)""")
                .params(id, employees, sites).update();

        // Picks during the window, then the default for everyone else at the close.
        List<Long[]> chosen = choose(id, welfare.packages(id), packs, share, Set.of(), seed);
        long window = Math.max(1, java.time.Duration.between(opensAt, closesAt).toMinutes());
        Random random = new Random(seed);
        for (Long[] c : chosen) {
            jdbc.sql("UPDATE welfare_entitlement SET package_id = ?, picked_at = ? WHERE id = ?")
                    .params(c[1], opensAt.plusMinutes(random.nextLong(window)), c[0]).update();
        }
        jdbc.sql("""
                        UPDATE welfare_entitlement SET package_id = ?, by_default = TRUE, picked_at = ?
                        WHERE round_id = ? AND package_id IS NULL""").params(first, closesAt, id).update();
        recount(id);

        // Delivered everywhere three days later; nine in ten signed within a week, the rest handed over.
        OffsetDateTime delivered = closesAt.plusDays(3);
        jdbc.sql("""
                        INSERT INTO welfare_delivery (round_id, site_id, confirmed_by, confirmed_at, note)
                        SELECT DISTINCT ?, site_id, ?, ?, '供应商已按清单送达' FROM welfare_entitlement WHERE round_id = ?""")
                .params(id, owner.accountId(), delivered, id).update();
        jdbc.sql("""
                        UPDATE welfare_entitlement e SET collected_how = CASE WHEN e.id % 10 = 0 THEN 'OFFICER' ELSE 'SIGNED' END,
                          collected_at = ? + make_interval(mins => CAST((e.id % 7) * 1440 + (e.id % 600) AS int)),
                          collected_by = CASE WHEN e.id % 10 = 0 THEN ?
                                              ELSE (SELECT a.id FROM account a WHERE a.employee_id = e.employee_id) END
                        WHERE e.round_id = ? AND NOT (e.employee_id = ANY(?))""")
                .params(delivered, owner.accountId(), id, exceptions.toArray(Long[]::new)).update();
        for (int i = 0; i < exceptions.size(); i++) {
            String kind = i % 2 == 0 ? "LEAVE" : "ABSENT";
            String note = i % 2 == 0 ? "春节期间休年假" : "当班抢险，未到站领取";
            OffsetDateTime at = delivered.plusDays(2);
            jdbc.sql("""
                            UPDATE welfare_entitlement SET exception = ?, exception_note = ?, exception_at = ?
                            WHERE round_id = ? AND employee_id = ?""")
                    .params(kind, note, at, id, exceptions.get(i)).update();
            if (i == 0) {
                jdbc.sql("""
                                UPDATE welfare_entitlement SET exception_outcome = 'RETURNED', exception_closed_at = ?
                                WHERE round_id = ? AND employee_id = ?""")
                        .params(at.plusDays(10), id, exceptions.get(i)).update();
            } else if (i == 1) {
                jdbc.sql("""
                                UPDATE welfare_entitlement SET exception_outcome = 'PROXY', exception_closed_at = ?,
                                  collected_at = ?, collected_by = ?, collected_how = 'OFFICER'
                                WHERE round_id = ? AND employee_id = ?""")
                        .params(at.plusDays(1), at.plusDays(1), owner.accountId(), id, exceptions.get(i)).update();
            }
        }
        return id;
    }

    /** Where a member of a unit collects: the unit, or for a union group its branch (as the service decides). */
    private Long site(Long unitId) {
        OrgUnit unit = org.unit(unitId).orElseThrow();
        return unit.kind() == UnitKind.GROUP && unit.parentId() != null ? unit.parentId() : unit.id();
    }
}
