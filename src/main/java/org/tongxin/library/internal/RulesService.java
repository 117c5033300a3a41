package org.tongxin.library.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.library.internal.Policies.Policy;
import org.tongxin.library.internal.Policies.Rule;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The loan-rule matrix as the union committee keeps it: named policies, and lines (reader type × category) each
 * applying one of them. The rules are one for the whole enterprise, so only the committee changes them; every
 * change is audited. The fallback line (any reader, every category) always exists: it may be pointed at another
 * policy but never removed, so every loan finds a rule.
 */
@Service
public class RulesService {

    /** Reader types a line may name, ANY first. */
    public static final List<String> READER_TYPES = List.of("ANY", "MEMBER", "NON_MEMBER");

    /** A policy as entered. */
    public record PolicyForm(String name, int loanDays, int maxLoans, int renewals, boolean holdsAllowed,
                             int pickupDays, boolean floating) {
    }

    private final Policies policies;
    private final Catalogue catalogue;
    private final AuditTrail audit;

    RulesService(Policies policies, Catalogue catalogue, AuditTrail audit) {
        this.policies = policies;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    @Transactional
    public long addPolicy(Viewer committee, PolicyForm form) {
        requireCommittee(committee);
        Policy p = checked(form, null);
        long id = policies.insertPolicy(p);
        audit.record(committee, "library.policy.add", "library_policy", id, null, p.name(), Map.of(), describe(p));
        return id;
    }

    @Transactional
    public void updatePolicy(Viewer committee, long policyId, PolicyForm form) {
        requireCommittee(committee);
        Policy before = policies.find(policyId).orElseThrow(() -> new NotFoundException("policy " + policyId));
        Policy p = checked(form, policyId);
        policies.updatePolicy(p);
        audit.record(committee, "library.policy.update", "library_policy", policyId, null, p.name(), describe(before),
                describe(p));
    }

    /** Removes a policy that no line applies. */
    @Transactional
    public void removePolicy(Viewer committee, long policyId) {
        requireCommittee(committee);
        Policy p = policies.find(policyId).orElseThrow(() -> new NotFoundException("policy " + policyId));
        if (!policies.removePolicy(policyId)) {
            throw new Refusal("library.error.policyInUse");
        }
        audit.record(committee, "library.policy.remove", "library_policy", policyId, null, p.name(), describe(p),
                Map.of());
    }

    /**
     * Points the line (reader type, category) at a policy, adding the line when it is new. A null category is the
     * line for every category.
     */
    @Transactional
    public void setRule(Viewer committee, String readerType, Long categoryId, long policyId) {
        requireCommittee(committee);
        if (!READER_TYPES.contains(readerType)) {
            throw new Refusal("library.error.readerType");
        }
        if (categoryId != null && catalogue.categories().stream().noneMatch(c -> c.id() == categoryId)) {
            throw new Refusal("library.error.noSuchCategory");
        }
        Policy policy = policies.find(policyId).orElseThrow(() -> new Refusal("library.error.noSuchPolicy"));
        Optional<Rule> before = policies.rules().stream()
                .filter(r -> r.readerType().equals(readerType) && Objects.equals(r.categoryId(), categoryId))
                .findFirst();
        policies.setRule(readerType, categoryId, policyId);
        String line = readerType + " × " + categoryName(categoryId);
        audit.record(committee, "library.rule.set", "library_rule", before.map(Rule::id).orElse(null), null, line,
                before.map(r -> Map.of("policy", policyName(r.policyId()))).orElse(Map.of()),
                Map.of("policy", policy.name()));
    }

    /** Removes a line of the matrix; the fallback line is refused. */
    @Transactional
    public void removeRule(Viewer committee, long ruleId) {
        requireCommittee(committee);
        Rule rule = policies.findRule(ruleId).orElseThrow(() -> new NotFoundException("rule " + ruleId));
        if (!policies.removeRule(ruleId)) {
            throw new Refusal("library.error.fallbackRule");
        }
        audit.record(committee, "library.rule.remove", "library_rule", ruleId, null,
                rule.readerType() + " × " + categoryName(rule.categoryId()),
                Map.of("policy", policyName(rule.policyId())), Map.of());
    }

    /** Whether the line is the fallback (any reader, every category). */
    public static boolean isFallback(Rule rule) {
        return rule.readerType().equals("ANY") && rule.categoryId() == null;
    }

    private Policy checked(PolicyForm f, Long id) {
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty() || name.length() > 60) {
            throw new Refusal("library.error.policyName");
        }
        if (policies.nameTaken(name, id)) {
            throw new Refusal("library.error.policyNameTaken");
        }
        if (f.loanDays() < 1 || f.loanDays() > 365) {
            throw new Refusal("library.error.loanDays");
        }
        if (f.maxLoans() < 0 || f.maxLoans() > 100) {
            throw new Refusal("library.error.maxLoans");
        }
        if (f.renewals() < 0 || f.renewals() > 20) {
            throw new Refusal("library.error.renewals");
        }
        if (f.pickupDays() < 1 || f.pickupDays() > 30) {
            throw new Refusal("library.error.pickupDays");
        }
        return new Policy(id == null ? 0 : id, name, f.loanDays(), f.maxLoans(), f.renewals(), f.holdsAllowed(),
                f.pickupDays(), f.floating());
    }

    private static Map<String, Object> describe(Policy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("loanDays", p.loanDays());
        m.put("maxLoans", p.maxLoans());
        m.put("renewals", p.renewals());
        m.put("holdsAllowed", p.holdsAllowed());
        m.put("pickupDays", p.pickupDays());
        m.put("floating", p.floating());
        return m;
    }

    private String policyName(long policyId) {
        return policies.find(policyId).map(Policy::name).orElse("#" + policyId);
    }

    private String categoryName(Long categoryId) {
        if (categoryId == null) {
            return "*";
        }
        return catalogue.categories().stream().filter(c -> c.id() == categoryId).map(Catalogue.Category::nameZh)
                .findFirst().orElse("#" + categoryId);
    }

    private static void requireCommittee(Viewer viewer) {
        if (!viewer.has(Role.COMMITTEE)) {
            throw new OutOfScopeException("loan rules");
        }
    }
}
