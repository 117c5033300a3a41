package org.tongxin.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.RoleSource;
import org.tongxin.shared.security.Viewer;

/**
 * Log-in with a username (technical accounts), an employee number or a phone. Five failures in a row
 * lock the account for 15 minutes; a locked account refuses even the right password. An employee
 * without a password of their own logs in with the initial one and must change it at once.
 */
@Component
public class LoginService implements AuthenticationProvider {

    static final int MAX_ATTEMPTS = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final Accounts accounts;
    private final OrgDirectory org;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String dummyHash;
    private final List<RoleSource> roleSources;

    LoginService(Accounts accounts, OrgDirectory org, PasswordEncoder encoder, Optional<Clock> clock,
                 List<RoleSource> roleSources) {
        this.accounts = accounts;
        this.org = org;
        this.encoder = encoder;
        this.roleSources = roleSources;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.dummyHash = encoder.encode("timing-equaliser");
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = RuntimeException.class)
    public Authentication authenticate(Authentication request) {
        String login = request.getName() == null ? "" : request.getName().trim();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        Optional<Account> found = find(login);
        if (found.isEmpty()) {
            encoder.matches(password, dummyHash);
            throw new BadCredentialsException("bad credentials");
        }
        Account account = accounts.lockForLogIn(found.get().id());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (account.isLocked(now)) {
            encoder.matches(password, dummyHash);
            throw new LockedException("locked until " + account.lockedUntil());
        }
        if (account.employeeId() != null) {
            EmployeeSummary employee = org.employee(account.employeeId()).orElse(null);
            if (employee == null || employee.status() == EmployeeStatus.LEFT) {
                encoder.matches(password, dummyHash);
                throw new DisabledException("employee has left");
            }
        }
        if (!passwordMatches(account, password)) {
            accounts.recordFailure(account.id(), MAX_ATTEMPTS, now.plus(LOCK));
            throw new BadCredentialsException("bad credentials");
        }
        accounts.recordSuccess(account.id());
        Viewer viewer = viewerOf(account);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        viewer.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        return UsernamePasswordAuthenticationToken.authenticated(viewer, null, authorities);
    }

    /**
     * The account's own password, or the initial one while it has none. Every path costs one BCrypt check so
     * the answer's timing does not tell whether a number belongs to someone. Accounts holding a grant never
     * take the initial password: officers can reveal ID numbers, so for them it would be a key to others'
     * accounts; they get a temporary password from an administrator instead.
     */
    boolean passwordMatches(Account account, String password) {
        if (account.passwordHash() != null) {
            return encoder.matches(password, account.passwordHash());
        }
        encoder.matches(password, dummyHash);
        return account.employeeId() != null && accounts.grants(account.id()).isEmpty()
                && org.isInitialPassword(account.employeeId(), password);
    }

    private Optional<Account> find(String login) {
        if (login.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> technical = accounts.byUsername(login);
        if (technical.isPresent()) {
            return technical;
        }
        return org.employeeIdForLogin(login).map(accounts::forEmployee);
    }

    /** The viewer an account signs in as, with its current grants. */
    public Viewer viewerOf(Account account) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<Long> officerUnits = new HashSet<>();
        Set<Long> careUnits = new HashSet<>();
        String name = account.username();
        if (account.employeeId() != null) {
            roles.add(Role.EMPLOYEE);
            for (RoleSource source : roleSources) {
                roles.addAll(source.rolesOf(account.employeeId()));
            }
            name = org.employee(account.employeeId()).map(EmployeeSummary::name).orElse(name);
        }
        for (Grant g : accounts.grants(account.id())) {
            roles.add(g.role());
            if (g.role() == Role.OFFICER) {
                officerUnits.add(g.unitId());
            } else if (g.role() == Role.CARE) {
                careUnits.add(g.unitId());
            }
        }
        // A care right outlives nothing: it counts only while the officer post in that unit is held.
        careUnits.retainAll(officerUnits);
        return new Viewer(account.id(), account.employeeId(), name, roles, officerUnits, careUnits,
                account.mustChangePassword() || account.passwordHash() == null);
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
}
