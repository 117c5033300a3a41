package org.tongxin.publicity.web;

import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The desk's pages show times on the platform's clock: the database hands them back in UTC, so templates format
 * {@code t.atZoneSameInstant(deskZone)}.
 */
@ControllerAdvice(assignableTypes = {PublicityDeskController.class, PublicityReviewController.class,
        PublicityRobotsController.class, PublicityReachController.class})
class DeskZone {

    @ModelAttribute("deskZone")
    ZoneId deskZone() {
        return ZoneId.systemDefault();
    }
}
