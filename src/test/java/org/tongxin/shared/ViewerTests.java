package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

class ViewerTests {

    @Test
    void anOfficerManagesTheUnitAndEverythingBelowButNothingBeside() {
        Viewer officer = new Viewer(1, 2L, "o", Set.of(Role.OFFICER), Set.of(5L), false);
        assertThat(officer.manages(List.of(1L, 5L))).isTrue();
        assertThat(officer.manages(List.of(1L, 5L, 9L, 12L))).isTrue();
        assertThat(officer.manages(List.of(1L, 6L))).isFalse();
        assertThat(officer.manages(List.of(1L))).isFalse();
    }

    @Test
    void committeeAndAdminSeeTheWholeTree() {
        assertThat(new Viewer(1, null, "c", Set.of(Role.COMMITTEE), Set.of(), false).manages(List.of(3L))).isTrue();
        assertThat(new Viewer(1, null, "a", Set.of(Role.ADMIN), Set.of(), false).manages(List.of(3L))).isTrue();
        assertThat(new Viewer(1, 4L, "e", Set.of(Role.EMPLOYEE), Set.of(), false).manages(List.of(3L))).isFalse();
    }
}
