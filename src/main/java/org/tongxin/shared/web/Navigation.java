package org.tongxin.shared.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * What the header and menus of every page offer whoever is signed in, as the model's {@code nav}: read once from the
 * viewer. A security expression per menu entry built an evaluation context each time, a tenth of a page's
 * rendering under load (bench/run pages).
 *
 * @param signedIn  someone is signed in
 * @param officer   an officer of some unit, or the committee or an admin: the union-work menu
 * @param wholeTree the committee or an admin: job moves and the audit trail
 * @param admin     an admin: accounts and notice sending
 */
public record Navigation(boolean signedIn, boolean officer, boolean wholeTree, boolean admin) {

    static Navigation of(Viewer viewer) {
        return viewer == null ? new Navigation(false, false, false, false)
                : new Navigation(true, viewer.isOfficerOrAbove(), viewer.seesWholeTree(), viewer.has(Role.ADMIN));
    }

    @ControllerAdvice
    static class Advice {
        @ModelAttribute("nav")
        Navigation nav() {
            return of(CurrentViewer.find().orElse(null));
        }
    }
}
