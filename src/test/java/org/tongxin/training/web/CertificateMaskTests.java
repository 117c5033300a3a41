package org.tongxin.training.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The public check page names the holder by surname only. */
class CertificateMaskTests {

    @Test
    void namesAreMaskedToTheSurname() {
        assertThat(CertificateController.masked("张三丰")).isEqualTo("张*");
        assertThat(CertificateController.masked("欧阳明")).isEqualTo("欧阳*");
        assertThat(CertificateController.masked("欧阳")).isEqualTo("欧*");
        assertThat(CertificateController.masked(" ")).isEqualTo("*");
    }
}
