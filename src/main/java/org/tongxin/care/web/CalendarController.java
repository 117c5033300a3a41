package org.tongxin.care.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.care.internal.CareCalendar;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.Refusal;

/** The officer's care calendar for a month, with one-click greetings, and visits recorded. */
@Controller
class CalendarController {

    private final CareCalendar calendar;
    private final OrgDirectory org;

    CalendarController(CareCalendar calendar, OrgDirectory org) {
        this.calendar = calendar;
        this.org = org;
    }

    @GetMapping("/care/calendar")
    String month(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        YearMonth shown = month == null ? YearMonth.now() : month;
        model.addAttribute("month", shown);
        model.addAttribute("entries", calendar.month(CurrentViewer.get(), shown));
        return "care/calendar";
    }

    @PostMapping("/care/calendar/visit")
    String visit(@RequestParam String employeeNo, @RequestParam String kind,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
                 @RequestParam(defaultValue = "") String visitors, @RequestParam(defaultValue = "") String gift,
                 RedirectAttributes redirect) {
        try {
            Long employeeId = org.employeeIdsByNumber(List.of(employeeNo.trim())).get(employeeNo.trim());
            if (employeeId == null) {
                throw new Refusal("care.move.unknownEmployee");
            }
            calendar.visit(CurrentViewer.get(), employeeId, kind, visitedOn, visitors, gift);
            redirect.addFlashAttribute("flash", "care.calendar.marked");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/care/calendar";
    }

    @PostMapping("/care/calendar/mark")
    String mark(@RequestParam long employeeId, @RequestParam String kind, @RequestParam String month,
                RedirectAttributes redirect) {
        calendar.mark(CurrentViewer.get(), employeeId, kind);
        redirect.addFlashAttribute("flash", "care.calendar.marked");
        redirect.addAttribute("month", YearMonth.parse(month).toString());
        return "redirect:/care/calendar";
    }
}
