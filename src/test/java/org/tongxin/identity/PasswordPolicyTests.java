package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongxin.identity.internal.PasswordPolicy;

class PasswordPolicyTests {

    @Test
    void acceptsLettersAndDigitsOfTwelveOrMore() {
        assertThat(PasswordPolicy.check("Gonghui2026a", "100001")).isEmpty();
        assertThat(PasswordPolicy.check("Gonghui2026", "100001")).containsExactly("password.rule.length");
    }

    @Test
    void namesEachBrokenRule() {
        assertThat(PasswordPolicy.check("short1", "100001")).containsExactly("password.rule.length");
        assertThat(PasswordPolicy.check("onlylettersab", "100001")).containsExactly("password.rule.mix");
        assertThat(PasswordPolicy.check("abcd12100001", "ABCD12100001")).containsExactly("password.rule.notLogin");
    }
}
