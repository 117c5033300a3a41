package org.tongxin.identity.internal;

import java.util.ArrayList;
import java.util.List;

/** What a new password must be; each broken rule is an i18n key. */
public final class PasswordPolicy {

    private PasswordPolicy() {
    }

    /**
     * @param candidate the new password
     * @param login     the employee number or username it must not equal
     * @return i18n keys of the rules broken, empty when the password is acceptable
     */
    public static List<String> check(String candidate, String login) {
        List<String> broken = new ArrayList<>();
        if (candidate == null || candidate.length() < 8 || candidate.length() > 64) {
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
