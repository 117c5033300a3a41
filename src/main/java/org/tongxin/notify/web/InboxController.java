package org.tongxin.notify.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.notify.internal.Inbox;
import org.tongxin.notify.internal.Notification;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;

/** A person's own inbox. Nobody, officer or not, reads another person's messages. */
@Controller
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Viewer viewer = CurrentViewer.get();
        Page<Notification> messages = viewer.employeeId() == null
                ? new Page<>(List.of(), 0, 20, 0)
                : inbox.page(viewer.employeeId(), Page.clamp(page), 20);
        model.addAttribute("messages", messages);
        return "notify/inbox";
    }

    @GetMapping("/inbox/{id}")
    String open(@PathVariable long id, Model model) {
        Viewer viewer = CurrentViewer.get();
        if (viewer.employeeId() == null) {
            throw new NotFoundException("message " + id);
        }
        Notification message = inbox.open(viewer.employeeId(), id)
                .orElseThrow(() -> new NotFoundException("message " + id));
        model.addAttribute("message", message);
        return "notify/message";
    }

    @PostMapping("/inbox/read-all")
    String readAll() {
        Viewer viewer = CurrentViewer.get();
        if (viewer.employeeId() != null) {
            inbox.readAll(viewer.employeeId());
        }
        return "redirect:/inbox";
    }
}
