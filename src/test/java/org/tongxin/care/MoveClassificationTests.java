package org.tongxin.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongxin.care.internal.MoveClassification;
import org.tongxin.care.internal.MoveClassification.Direction;

class MoveClassificationTests {

    @Test
    void gradesDecideTheDirectionAndLeavingIsOut() {
        assertThat(MoveClassification.classify(3, 5)).isEqualTo(Direction.UP);
        assertThat(MoveClassification.classify(3, 3)).isEqualTo(Direction.LATERAL);
        assertThat(MoveClassification.classify(5, 2)).isEqualTo(Direction.DOWN);
        assertThat(MoveClassification.classify(5, null)).isEqualTo(Direction.OUT);
    }

    @Test
    void onlyDownAndOutNeedCare() {
        assertThat(MoveClassification.needsCare(Direction.DOWN)).isTrue();
        assertThat(MoveClassification.needsCare(Direction.OUT)).isTrue();
        assertThat(MoveClassification.needsCare(Direction.UP)).isFalse();
        assertThat(MoveClassification.needsCare(Direction.LATERAL)).isFalse();
    }
}
