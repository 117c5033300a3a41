package org.tongxin.notify.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tongxin.notify.internal.Inbox;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;

/** Puts the unread count into every page's model for the header badge (one indexed count). */
@ControllerAdvice
class UnreadCountAdvice {

    private final Inbox inbox;

    UnreadCountAdvice(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadCount")
    Long unreadCount() {
        return CurrentViewer.find().map(Viewer::employeeId).map(inbox::unread).orElse(0L);
    }
}
