package org.tongxin.identity.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What a new password must be; each broken rule is an i18n key. Twelve characters at least (ASVS 2.1.1), up to 64
 * (2.1.2); letters and digits both, as 等保 2.0 asks for complexity (ASVS 2.1.9 would drop that rule; see
 * docs/security.md).
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 64;

    private PasswordPolicy() {
    }

    /**
     * @param candidate the new password
     * @param login     the employee number or username it must not equal
     * @return i18n keys of the rules broken, empty when the password is acceptable
     */
    public static List<String> check(String candidate, String login) {
        List<String> broken = new ArrayList<>();
        if (candidate == null || candidate.length() < MIN_LENGTH || candidate.length() > MAX_LENGTH) {
            broken.add("password.rule.length");
            return broken;
        }
        if (candidate.chars().noneMatch(Character::isLetter) || candidate.chars().noneMatch(Character::isDigit)) {
            broken.add("password.rule.mix");
        }
        if (login != null && candidate.equalsIgnoreCase(login)) {
            broken.add("password.rule.notLogin");
        }
        return broken;
    }
}
