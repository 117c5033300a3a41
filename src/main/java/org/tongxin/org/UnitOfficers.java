package org.tongxin.org;

import java.util.List;

/**
 * Who holds office in a unit. Grants belong to the identity module, which implements this so that a
 * unit's page can list its officers without org depending on identity.
 */
public interface UnitOfficers {

    /**
     * One officer of a unit with the post held (主席, 副主席, 委员, 组长 …) and whether they hold the care
     * right there too.
     */
    record Officer(long employeeId, String name, String employeeNo, String post, boolean care) {
    }

    List<Officer> officersOf(long unitId);
}
