package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.crypto.Mask;

class PersonalDataTests {

    private final FieldCipher cipher = new FieldCipher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void encryptionRoundTripsAndNeverRepeatsCiphertext() {
        String a = cipher.encrypt("510104199003150011");
        String b = cipher.encrypt("510104199003150011");
        assertThat(a).isNotEqualTo(b).doesNotContain("510104");
        assertThat(cipher.decrypt(a)).isEqualTo("510104199003150011");
    }

    @Test
    void aDifferentKeyCannotDecrypt() {
        FieldCipher other = new FieldCipher("another-key-of-32-bytes-length!!".getBytes(StandardCharsets.US_ASCII));
        String sealed = cipher.encrypt("13812345678");
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        assertThat(other.blindIndex("13812345678")).isNotEqualTo(cipher.blindIndex("13812345678"));
    }

    @Test
    void sealedBytesOpenOnlyUnaltered() {
        byte[] sealed = cipher.seal("诊断证明".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(cipher.open(sealed), StandardCharsets.UTF_8)).isEqualTo("诊断证明");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void blindIndexIsDeterministic() {
        assertThat(cipher.blindIndex("13812345678")).isEqualTo(cipher.blindIndex("13812345678"))
                .isNotEqualTo(cipher.blindIndex("13812345679"));
    }

    @Test
    void masksKeepOnlyTheEnds() {
        assertThat(Mask.idCard("510104199003150011")).isEqualTo("5101**********0011");
        assertThat(Mask.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Mask.phone("123")).isEqualTo("***");
        assertThat(Mask.phone(null)).isEmpty();
    }
}
