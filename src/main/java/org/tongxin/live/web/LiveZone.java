package org.tongxin.live.web;

import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The live pages show times on the platform's clock: the database hands them back in UTC, so templates format
 * {@code t.atZoneSameInstant(zone)}.
 */
@ControllerAdvice(assignableTypes = {LivePagesController.class, LiveAdminController.class})
class LiveZone {

    @ModelAttribute("zone")
    ZoneId zone() {
        return ZoneId.systemDefault();
    }
}
