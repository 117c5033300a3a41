package org.tongxin.rights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppealPolicyTests {

    @Test
    void aConcernGoesToTheNearestUnitWithOfficersUpThePersonsPath() {
        List<Long> path = List.of(1L, 4L, 9L, 17L);
        assertThat(AppealRouting.firstUnit(AppealCategory.WAGES, path, u -> u == 9L || u == 1L)).isEqualTo(9L);
        assertThat(AppealRouting.firstUnit(AppealCategory.WAGES, path, u -> Set.of(1L, 4L, 9L, 17L).contains(u)))
                .isEqualTo(17L);
        assertThat(AppealRouting.firstUnit(AppealCategory.LIVING, path, u -> false)).as("nobody anywhere: the root")
                .isEqualTo(1L);
    }

    @Test
    void harassmentAndSafetyGoStraightToTheCommitteeNeverToThePersonsOwnLine() {
        List<Long> path = List.of(1L, 4L, 9L);
        assertThat(AppealRouting.firstUnit(AppealCategory.HARASSMENT, path, u -> true)).isEqualTo(1L);
        assertThat(AppealRouting.firstUnit(AppealCategory.SAFETY, path, u -> true)).isEqualTo(1L);
        assertThat(AppealCategory.HARASSMENT.womenCommittee()).isTrue();
        assertThat(AppealCategory.SAFETY.womenCommittee()).isFalse();
    }

    @Test
    void anEscalationGoesToTheUnitAboveAndStaysAtTheRoot() {
        assertThat(AppealRouting.above(List.of(1L, 4L, 9L))).isEqualTo(4L);
        assertThat(AppealRouting.above(List.of(1L, 4L))).isEqualTo(1L);
        assertThat(AppealRouting.above(List.of(1L))).isEqualTo(1L);
    }

    @Test
    void anonymityIsRefusedWhereActingNeedsToKnowWhoseCaseItIs() {
        assertThat(AppealCategory.WAGES.anonymousAllowed()).isFalse();
        assertThat(AppealCategory.HOURS.anonymousAllowed()).isFalse();
        assertThat(AppealCategory.CONTRACT.anonymousAllowed()).isFalse();
        assertThat(AppealCategory.HARASSMENT.anonymousAllowed()).isTrue();
        assertThat(AppealCategory.SAFETY.anonymousAllowed()).isTrue();
    }

    @Test
    void deadlinesByCategorySafetyFastest() {
        assertThat(AppealCategory.ACCEPT_DAYS).isEqualTo(2);
        assertThat(AppealCategory.SAFETY.resolveDays()).isEqualTo(5);
        assertThat(AppealCategory.WAGES.resolveDays()).isEqualTo(15);
        for (AppealCategory c : AppealCategory.values()) {
            assertThat(c.resolveDays()).isBetween(AppealCategory.SAFETY.resolveDays(), 15);
        }
    }
}
