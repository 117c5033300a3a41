package org.tongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongxin.identity.internal.PasswordPolicy;

class PasswordPolicyTests {

    @Test
    void acceptsLettersAndDigitsOfEightOrMore() {
        assertThat(PasswordPolicy.check("Gonghui2026", "100001")).isEmpty();
    }

    @Test
    void namesEachBrokenRule() {
        assertThat(PasswordPolicy.check("short1", "100001")).containsExactly("password.rule.length");
        assertThat(PasswordPolicy.check("onlyletters", "100001")).containsExactly("password.rule.mix");
        assertThat(PasswordPolicy.check("abc100001", "abc100001")).containsExactly("password.rule.notLogin");
    }
}
