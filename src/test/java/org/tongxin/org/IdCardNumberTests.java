package org.tongxin.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdCardNumberTests {

    @Test
    void acceptsANumberWithTheRightCheckCharacter() {
        // 11010519491231002X is the standard's own example.
        assertThat(IdCardNumber.isValid("11010519491231002X")).isTrue();
        assertThat(IdCardNumber.isValid("11010519491231002x")).isTrue();
    }

    @Test
    void rejectsAWrongCheckCharacterLengthOrBirthDate() {
        assertThat(IdCardNumber.isValid("110105194912310021")).isFalse();
        assertThat(IdCardNumber.isValid("11010519491231002")).isFalse();
        String feb30 = "51010419900230001";
        assertThat(IdCardNumber.isValid(feb30 + IdCardNumber.checkCharacter(feb30))).isFalse();
        assertThat(IdCardNumber.isValid(null)).isFalse();
    }

    @Test
    void readsBirthDateAndGender() {
        assertThat(IdCardNumber.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
        assertThat(IdCardNumber.gender("11010519491231002X")).isEqualTo("F");
        String man = "51010419900315001";
        assertThat(IdCardNumber.gender(man + IdCardNumber.checkCharacter(man))).isEqualTo("M");
    }
}
