package org.tongxin.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongxin.library.internal.Isbn;

class IsbnTests {

    @Test
    void isbn13sAreCheckedAndIsbn10sConverted() {
        assertThat(Isbn.toIsbn13("978-7-5086-4735-7")).contains("9787508647357");
        assertThat(Isbn.toIsbn13("978-7-5086-4735-8")).isEmpty();
        assertThat(Isbn.toIsbn13("7-5086-4735-1")).contains("9787508647357");
        assertThat(Isbn.toIsbn13("7-5086-4735-2")).isEmpty();
        // An ISBN-10 whose check digit is ten ends in X.
        assertThat(Isbn.toIsbn13("0-8044-2957-X")).contains("9780804429573");
        assertThat(Isbn.toIsbn13("080442957x")).contains("9780804429573");
        assertThat(Isbn.toIsbn13("X804429570")).isEmpty();
        assertThat(Isbn.toIsbn13("977-7-5086-4735-7")).isEmpty();
        assertThat(Isbn.toIsbn13("三国演义")).isEmpty();
        assertThat(Isbn.toIsbn13(null)).isEmpty();
        assertThat(Isbn.looksLikeOne("978-7-5086-4735")).isTrue();
        assertThat(Isbn.looksLikeOne("三国")).isFalse();
    }
}
