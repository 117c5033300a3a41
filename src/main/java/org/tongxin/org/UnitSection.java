package org.tongxin.org;

import java.util.Optional;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Panel;

/**
 * A panel another module adds to a unit's page (membership shows the unit's coverage), so the unit page
 * grows with the modules without org depending on them.
 */
public interface UnitSection {

    Optional<Panel> panel(Viewer viewer, OrgUnit unit);
}
