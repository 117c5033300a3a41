package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

class ViewerTests {

    @Test
    void anOfficerManagesTheUnitAndEverythingBelowButNothingBeside() {
        Viewer officer = new Viewer(1, 2L, "o", Set.of(Role.OFFICER), Set.of(5L), Set.of(), false);
        assertThat(officer.manages(List.of(1L, 5L))).isTrue();
        assertThat(officer.manages(List.of(1L, 5L, 9L, 12L))).isTrue();
        assertThat(officer.manages(List.of(1L, 6L))).isFalse();
        assertThat(officer.manages(List.of(1L))).isFalse();
    }

    @Test
    void committeeAndAdminSeeTheWholeTree() {
        assertThat(new Viewer(1, null, "c", Set.of(Role.COMMITTEE), Set.of(), Set.of(), false).manages(List.of(3L))).isTrue();
        assertThat(new Viewer(1, null, "a", Set.of(Role.ADMIN), Set.of(), Set.of(), false).manages(List.of(3L))).isTrue();
        assertThat(new Viewer(1, 4L, "e", Set.of(Role.EMPLOYEE), Set.of(), Set.of(), false).manages(List.of(3L))).isFalse();
    }

    @Test
    void careRecordsOpenOnlyToTheCommitteeAndOfficersWithTheCareRight() {
        Viewer carer = new Viewer(1, 2L, "o", Set.of(Role.OFFICER, Role.CARE), Set.of(5L, 7L), Set.of(5L), false);
        assertThat(carer.caresFor(List.of(1L, 5L, 9L))).isTrue();
        assertThat(carer.caresFor(List.of(1L, 7L))).isFalse();
        assertThat(new Viewer(1, null, "c", Set.of(Role.COMMITTEE), Set.of(), Set.of(), false).caresFor(List.of(3L))).isTrue();
        assertThat(new Viewer(1, null, "a", Set.of(Role.ADMIN), Set.of(), Set.of(), false).caresFor(List.of(3L))).isFalse();
        assertThatThrownBy(() -> new Viewer(1, 2L, "o", Set.of(Role.OFFICER), Set.of(5L), Set.of(6L), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
