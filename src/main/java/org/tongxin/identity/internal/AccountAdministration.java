package org.tongxin.identity.internal;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/** What an admin does to accounts: grants, revocations, password resets, unlocks; each audited. */
@Service
public class AccountAdministration {

    /** A change refused for a reason the admin can fix; carries an i18n key. */
    public static class Refused extends Refusal {

        public Refused(String messageKey) {
            super(messageKey);
        }
    }

    private final Accounts accounts;
    private final OrgDirectory org;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    AccountAdministration(Accounts accounts, OrgDirectory org, PasswordEncoder encoder, AuditTrail audit,
                          ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.org = org;
        this.encoder = encoder;
        this.audit = audit;
        this.events = events;
    }

    /** The account for a username, employee number or phone; employees get theirs on first need. */
    @Transactional
    public Optional<Account> find(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        String l = login.trim();
        return accounts.byUsername(l).or(() -> org.employeeIdForLogin(l).map(accounts::forEmployee));
    }

    public Account get(long accountId) {
        return accounts.find(accountId).orElseThrow(() -> new NotFoundException("account " + accountId));
    }

    @Transactional
    public void grant(Viewer admin, long accountId, Role role, Long unitId, String post) {
        Account account = get(accountId);
        String unitName = null;
        if (role == Role.OFFICER) {
            OrgUnit unit = unitId == null ? null : org.unit(unitId).orElse(null);
            if (unit == null || unit.isClosed()) {
                throw new Refused("accounts.error.unit");
            }
            if (post == null || post.isBlank()) {
                throw new Refused("accounts.error.post");
            }
            unitName = unit.name();
        } else if (role == Role.CARE) {
            // The care right opens the private side of a unit's people to one of its own officers only.
            Long careUnit = unitId;
            OrgUnit unit = careUnit == null ? null : org.unit(careUnit).orElse(null);
            if (unit == null || accounts.grants(accountId).stream()
                    .noneMatch(g -> g.role() == Role.OFFICER && careUnit.equals(g.unitId()))) {
                throw new Refused("accounts.error.careNeedsOfficer");
            }
            unitName = unit.name();
            post = null;
        } else if (role != Role.COMMITTEE && role != Role.ADMIN) {
            throw new Refused("accounts.error.role");
        } else {
            unitId = null;
            post = null;
        }
        if (!accounts.addGrant(accountId, role, unitId, post == null ? null : post.trim())) {
            throw new Refused("accounts.error.duplicate");
        }
        audit.record(admin, "grant.add", "account", accountId, unitId, label(account), null,
                Map.of("role", role, "unit", unitName == null ? "—" : unitName, "post", post == null ? "—" : post));
        if (account.employeeId() != null && role == Role.OFFICER) {
            events.publishEvent(NotificationRequested.toEmployee(account.employeeId(),
                    Message.of(NoticeKind.ACCOUNT, "account.appointed", "/org/units/" + unitId, unitName,
                            post.trim())));
        }
    }

    @Transactional
    public void revoke(Viewer admin, long accountId, long grantId) {
        Account account = get(accountId);
        Grant grant = accounts.grant(grantId).filter(g -> g.accountId() == accountId)
                .orElseThrow(() -> new NotFoundException("grant " + grantId));
        if (grant.role() == Role.ADMIN && accountId == admin.accountId()) {
            throw new Refused("accounts.error.selfAdmin");
        }
        accounts.removeGrant(grant);
        if (grant.role() == Role.OFFICER) {
            accounts.grants(accountId).stream()
                    .filter(g -> g.role() == Role.CARE && grant.unitId().equals(g.unitId()))
                    .forEach(care -> {
                        accounts.removeGrant(care);
                        audit.record(admin, "grant.remove", "account", accountId, care.unitId(), label(account),
                                Map.of("role", care.role(), "unit", "#" + care.unitId(), "post", "—"), null);
                    });
        }
        String unitName = grant.unitId() == null ? "—"
                : org.unit(grant.unitId()).map(OrgUnit::name).orElse("#" + grant.unitId());
        audit.record(admin, "grant.remove", "account", accountId, grant.unitId(), label(account),
                Map.of("role", grant.role(), "unit", unitName,
                        "post", grant.post() == null ? "—" : grant.post()), null);
    }

    /** Sets a temporary password, returned once to be handed over; it must be changed at the next log-in. */
    @Transactional
    public String resetPassword(Viewer admin, long accountId) {
        Account account = get(accountId);
        String temporary = TemporaryPasswords.generate();
        accounts.setPassword(accountId, encoder.encode(temporary), true);
        accounts.unlock(accountId);
        audit.record(admin, "account.resetPassword", "account", accountId, null, label(account), null, null);
        return temporary;
    }

    @Transactional
    public void unlock(Viewer admin, long accountId) {
        Account account = get(accountId);
        accounts.unlock(accountId);
        audit.record(admin, "account.unlock", "account", accountId, null, label(account),
                Map.of("lockedUntil", account.lockedUntil() == null ? "—" : account.lockedUntil()), null);
    }

    public String label(Account account) {
        if (account.employeeId() == null) {
            return account.username();
        }
        return org.employee(account.employeeId()).map(e -> e.employeeNo() + " " + e.name())
                .orElse("#" + account.employeeId());
    }
}
