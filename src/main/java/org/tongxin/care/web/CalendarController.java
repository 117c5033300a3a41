package org.tongxin.care.web;

import java.time.YearMonth;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.care.internal.CareCalendar;
import org.tongxin.shared.security.CurrentViewer;

/** The officer's care calendar for a month, with one-click greetings. */
@Controller
class CalendarController {

    private final CareCalendar calendar;

    CalendarController(CareCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/care/calendar")
    String month(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        YearMonth shown = month == null ? YearMonth.now() : month;
        model.addAttribute("month", shown);
        model.addAttribute("entries", calendar.month(CurrentViewer.get(), shown));
        return "care/calendar";
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
