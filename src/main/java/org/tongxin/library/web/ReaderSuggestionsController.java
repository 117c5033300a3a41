package org.tongxin.library.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.library.internal.Rooms;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.library.internal.Suggestions;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.Refusal;

/** Acquisition suggestions (荐购): the reader's own, with the officers' replies, and the form for a new one. */
@Controller
class ReaderSuggestionsController {

    /** What the form sends; kept in the session's flash and shown again when the suggestion is refused. */
    record SuggestionForm(Long roomId, String title, String authors, String isbn, String reason) implements Serializable {
    }

    private final Suggestions suggestions;
    private final Rooms rooms;

    ReaderSuggestionsController(Suggestions suggestions, Rooms rooms) {
        this.suggestions = suggestions;
        this.rooms = rooms;
    }

    @GetMapping("/library/suggestions")
    String mine(Model model) {
        Long me = CurrentViewer.get().employeeId();
        Map<Long, Room> roomsById = new LinkedHashMap<>();
        rooms.all().forEach(r -> roomsById.put(r.id(), r));
        model.addAttribute("roomsById", roomsById);
        model.addAttribute("suggestions", me == null ? List.of() : suggestions.of(me));
        model.addAttribute("employee", me != null);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SuggestionForm(null, "", "", "", ""));
        }
        return "library/reader-suggestions";
    }

    @PostMapping("/library/suggestions")
    String suggest(SuggestionForm form, RedirectAttributes redirect) {
        try {
            suggestions.suggest(CurrentViewer.get(), form.roomId() == null ? 0 : form.roomId(), form.title(),
                    form.authors(), form.isbn(), form.reason());
            redirect.addFlashAttribute("flash", "library.reader.suggested");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/library/suggestions";
    }
}
