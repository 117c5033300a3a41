package org.tongxin.library.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.library.internal.Suggestions;
import org.tongxin.library.internal.Suggestions.Status;
import org.tongxin.library.internal.Suggestions.Suggestion;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The room officers' review of acquisition suggestions (荐购审核): accept, decline with a reply, or mark acquired. Only
 * the officers of the unit running the room (and those above) reach it; the suggester is not named, their reply
 * reaches them in their inbox.
 */
@Controller
class SuggestionReviewController {

    private final Circulation circulation;
    private final Suggestions suggestions;

    SuggestionReviewController(Circulation circulation, Suggestions suggestions) {
        this.circulation = circulation;
        this.suggestions = suggestions;
    }

    @GetMapping("/library-admin/rooms/{roomId}/suggestions")
    String list(@PathVariable long roomId, Model model) {
        Room room = circulation.managedRoom(CurrentViewer.get(), roomId);
        model.addAttribute("room", room);
        model.addAttribute("suggestions", suggestions.forRooms(List.of(roomId)));
        return "library/suggestion-review";
    }

    /**
     * Decides a suggestion of the room. The decision is read after the scope check, so an officer of another unit
     * learns nothing from a malformed one.
     */
    @PostMapping("/library-admin/rooms/{roomId}/suggestions/{suggestionId}")
    String decide(@PathVariable long roomId, @PathVariable long suggestionId,
                  @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reply,
                  RedirectAttributes redirect) {
        Viewer officer = CurrentViewer.get();
        circulation.managedRoom(officer, roomId);
        Suggestion s = suggestions.find(suggestionId).filter(x -> x.roomId() == roomId)
                .orElseThrow(() -> new NotFoundException("suggestion " + suggestionId));
        Status status = switch (decision) {
            case "ACCEPTED" -> Status.ACCEPTED;
            case "DECLINED" -> Status.DECLINED;
            case "ACQUIRED" -> Status.ACQUIRED;
            default -> null;
        };
        String back = "redirect:/library-admin/rooms/" + roomId + "/suggestions";
        if (status == null) {
            redirect.addFlashAttribute("flashError", "library.review.error.chooseDecision");
            return back;
        }
        try {
            suggestions.decide(officer, s.id(), status, reply);
            redirect.addFlashAttribute("flash", "library.review.decided." + status.name());
            redirect.addFlashAttribute("flashArgs", new Object[]{s.title()});
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return back;
    }
}
