package org.tongxin.identity;

import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.identity.internal.Account;
import org.tongxin.identity.internal.AccountAdministration;
import org.tongxin.identity.internal.Accounts;
import org.tongxin.identity.internal.TemporaryPasswords;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * Start-up set-up of accounts: the first administrator when there is none (password from
 * {@code tongxin.admin.password} or generated and printed once), and grants for the demo enterprise.
 */
@Service
@Order(0)
public class AccountSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);
    public static final String ADMIN_USERNAME = "admin";

    private final Accounts accounts;
    private final AccountAdministration administration;
    private final PasswordEncoder encoder;
    private final String adminPassword;

    AccountSetup(Accounts accounts, AccountAdministration administration, PasswordEncoder encoder,
                 @Value("${tongxin.admin.password:}") String adminPassword) {
        this.accounts = accounts;
        this.administration = administration;
        this.encoder = encoder;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAdmin()) {
            return;
        }
        boolean generated = adminPassword.isBlank();
        String password = generated ? TemporaryPasswords.generate() : adminPassword;
        ensureAdmin(password, generated);
        if (generated) {
            log.warn("First administrator created: log in as '{}' with password '{}' and change it at once. "
                    + "This is printed only once.", ADMIN_USERNAME, password);
        } else {
            log.info("First administrator '{}' created with the password from tongxin.admin.password", ADMIN_USERNAME);
        }
    }

    /** Creates the administrator account unless one exists; returns false when it already did. */
    @Transactional
    public boolean ensureAdmin(String password, boolean mustChange) {
        if (accounts.anyAdmin()) {
            return false;
        }
        Account admin = accounts.byUsername(ADMIN_USERNAME)
                .orElseGet(() -> accounts.createTechnical(ADMIN_USERNAME, encoder.encode(password), mustChange));
        accounts.addGrant(admin.id(), Role.ADMIN, null, null);
        return true;
    }

    /** The administrator as the actor of start-up work in the audit trail. */
    public Viewer systemViewer() {
        Account admin = accounts.byUsername(ADMIN_USERNAME).orElseThrow();
        return new Viewer(admin.id(), null, "system", Set.of(Role.ADMIN), Set.of(), Set.of(), false);
    }

    /** Sets a temporary password that must be changed at the next log-in. */
    @Transactional
    public void setTemporaryPassword(String login, String password) {
        Account account = find(login).orElseThrow(() -> new IllegalArgumentException("no account for " + login));
        accounts.setPassword(account.id(), encoder.encode(password), true);
    }

    /** Grants a role to the account behind {@code login} (employee number or username). */
    @Transactional
    public void grant(String login, Role role, Long unitId, String post) {
        Account account = find(login).orElseThrow(() -> new IllegalArgumentException("no account for " + login));
        accounts.addGrant(account.id(), role, unitId, post);
    }

    /** The account behind {@code login}, for start-up code that records who decided what. */
    public long accountId(String login) {
        return find(login).orElseThrow(() -> new IllegalArgumentException("no account for " + login)).id();
    }

    private Optional<Account> find(String login) {
        return administration.find(login);
    }
}
