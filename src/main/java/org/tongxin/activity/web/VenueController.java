package org.tongxin.activity.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.activity.internal.Venue;
import org.tongxin.activity.internal.VenueService;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.Refusal;

/**
 * Shared venues for officers: the list with the requests waiting for them, a venue's page with its week, a
 * booking's page where the owner decides, and the forms behind them (Post/Redirect/Get; a refused form comes
 * back with what was typed).
 */
@Controller
class VenueController {

    private final VenueService venues;

    VenueController(VenueService venues) {
        this.venues = venues;
    }

    @GetMapping("/activity-venues")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String kind, Model model) {
        model.addAttribute("overview", venues.overview(CurrentViewer.get(), q, kind));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", Venue.KINDS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new VenueService.VenueForm("", "WORKERS_HOME", "", "", ""));
        }
        return "activity/venues";
    }

    @PostMapping("/activity-venues")
    String create(@RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String site,
                  @RequestParam(defaultValue = "") String capacity, @RequestParam(defaultValue = "") String description,
                  @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) {
        VenueService.VenueForm form = new VenueService.VenueForm(name, kind, site, capacity, description);
        try {
            if (unitId == null) {
                throw new Refusal("venue.error.owner");
            }
            long id = venues.create(CurrentViewer.get(), unitId, form, bytes(photo));
            redirect.addFlashAttribute("flash", "venue.created");
            return "redirect:/activity-venues/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("formUnitId", unitId);
            return "redirect:/activity-venues";
        }
    }

    @GetMapping("/activity-venues/{venueId}")
    String show(@PathVariable long venueId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
                Model model) {
        VenueService.Calendar calendar = venues.calendar(CurrentViewer.get(), venueId, week);
        model.addAttribute("calendar", calendar);
        model.addAttribute("kinds", Venue.KINDS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", VenueService.VenueForm.of(calendar.venue()));
        }
        if (!model.containsAttribute("request")) {
            model.addAttribute("request", new VenueService.RequestForm(null, "", "", ""));
        }
        return "activity/venue";
    }

    @PostMapping("/activity-venues/{venueId}")
    String update(@PathVariable long venueId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String site,
                  @RequestParam(defaultValue = "") String capacity, @RequestParam(defaultValue = "") String description,
                  @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) {
        VenueService.VenueForm form = new VenueService.VenueForm(name, kind, site, capacity, description);
        try {
            venues.update(CurrentViewer.get(), venueId, form, bytes(photo));
            redirect.addFlashAttribute("flash", "venue.saved");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("editOpen", true);
        }
        return "redirect:/activity-venues/" + venueId;
    }

    /** The venue's photo: venues are shared, so any officer sees it; its type was told from its bytes at upload. */
    @GetMapping("/activity-venues/{venueId}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long venueId) {
        FileStore.Image image = venues.photo(CurrentViewer.get(), venueId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate()).body(image.content());
    }

    @PostMapping("/activity-venues/{venueId}/bookings")
    String request(@PathVariable long venueId, @RequestParam(required = false) Long unitId,
                   @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String startsAt,
                   @RequestParam(defaultValue = "") String endsAt, RedirectAttributes redirect) {
        VenueService.RequestForm form = new VenueService.RequestForm(unitId, purpose, startsAt, endsAt);
        try {
            long id = venues.request(CurrentViewer.get(), venueId, form);
            redirect.addFlashAttribute("flash", venues.booking(CurrentViewer.get(), id).booking().isPending()
                    ? "venue.requested" : "venue.booked");
            // Back to the week of the booking, so the asker sees it on the calendar.
            if (startsAt.length() >= 10) {
                redirect.addAttribute("week", startsAt.substring(0, 10));
            }
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("request", form);
        }
        return "redirect:/activity-venues/" + venueId;
    }

    @GetMapping("/activity-venues/bookings/{bookingId}")
    String booking(@PathVariable long bookingId, Model model) {
        model.addAttribute("view", venues.booking(CurrentViewer.get(), bookingId));
        return "activity/venue-booking";
    }

    @PostMapping("/activity-venues/bookings/{bookingId}/approve")
    String approve(@PathVariable long bookingId, RedirectAttributes redirect) {
        return act(bookingId, redirect, "venue.approved", () -> venues.approve(CurrentViewer.get(), bookingId));
    }

    @PostMapping("/activity-venues/bookings/{bookingId}/decline")
    String decline(@PathVariable long bookingId, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes redirect) {
        return act(bookingId, redirect, "venue.declined", () -> venues.decline(CurrentViewer.get(), bookingId, reason));
    }

    @PostMapping("/activity-venues/bookings/{bookingId}/cancel")
    String cancel(@PathVariable long bookingId, RedirectAttributes redirect) {
        return act(bookingId, redirect, "venue.cancelled", () -> venues.cancel(CurrentViewer.get(), bookingId));
    }

    private static String act(long bookingId, RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/activity-venues/bookings/" + bookingId;
    }

    /** The chosen photo; a browser sends an empty part when none is chosen. */
    private static byte[] bytes(MultipartFile photo) {
        try {
            return photo == null || photo.isEmpty() ? null : photo.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
