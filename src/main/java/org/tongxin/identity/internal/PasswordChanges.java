package org.tongxin.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.Viewer;

/** A person changes their own password, proving the current one. */
@Service
public class PasswordChanges {

    private final Accounts accounts;
    private final OrgDirectory org;
    private final PasswordEncoder encoder;
    private final LoginService logins;

    PasswordChanges(Accounts accounts, OrgDirectory org, PasswordEncoder encoder, LoginService logins) {
        this.accounts = accounts;
        this.org = org;
        this.encoder = encoder;
        this.logins = logins;
    }

    /** @return i18n keys of what is wrong; empty when the password was changed */
    @Transactional
    public List<String> change(Viewer viewer, String current, String next, String confirm) {
        Account account = accounts.find(viewer.accountId()).orElseThrow();
        boolean currentOk = logins.passwordMatches(account, current);
        List<String> errors = new ArrayList<>();
        if (!currentOk) {
            errors.add("password.error.current");
        }
        if (next == null || !next.equals(confirm)) {
            errors.add("password.error.confirm");
        }
        String login = account.username() != null ? account.username()
                : org.employee(account.employeeId()).map(e -> e.employeeNo()).orElse(null);
        errors.addAll(PasswordPolicy.check(next, login));
        if (currentOk && next != null && next.equals(current)) {
            errors.add("password.rule.notCurrent");
        }
        if (errors.isEmpty()) {
            accounts.setPassword(account.id(), encoder.encode(next), false);
        }
        return errors;
    }
}
