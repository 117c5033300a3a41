package org.tongxin.voice.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.FileResponses;
import org.tongxin.shared.web.ImageResponses;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.voice.internal.Motions;
import org.tongxin.voice.internal.Points;
import org.tongxin.voice.internal.SuggestionFiles;
import org.tongxin.voice.internal.SuggestionScheme;
import org.tongxin.voice.internal.SuggestionScheme.Suggestion;
import org.tongxin.voice.internal.VoiceQueries;

/**
 * The employee's side of suggestions (合理化建议): their own with where each stands, writing one (similar earlier
 * ones shown while the title is typed, and once more on submitting without script), the timeline of one, and the
 * public board of adopted suggestions with unit totals of points.
 */
@Controller
class SuggestionController {

    static final int SIMILAR = 5;
    static final int BOARD = 50;

    /** A form as typed, to show again after a refusal or beside similar suggestions. */
    record Form(String title, String problem, String proposal, String expected, boolean anonymous) {
        static Form empty() {
            return new Form("", "", "", "", false);
        }
    }

    /** One similar earlier suggestion, for the script's list: its title and where it stands, in words. */
    record Similar(long id, String title, String status) {
    }

    /** A board line: the suggestion, the submitter's name (null when anonymous), the unit's and the owner's. */
    record BoardLine(Suggestion s, String submitter, String unitName, String ownerName) {
    }

    /** Points earned by the people of one unit's subtree. */
    record UnitTotal(String unitName, long points) {
    }

    private final SuggestionScheme scheme;
    private final SuggestionFiles attachments;
    private final Motions motions;
    private final Points points;
    private final VoiceQueries queries;
    private final VoicePages pages;
    private final OrgDirectory org;
    private final MessageSource messages;
    private final boolean anonymousAllowed;

    SuggestionController(SuggestionScheme scheme, SuggestionFiles attachments, Motions motions, Points points,
                         VoiceQueries queries, VoicePages pages, OrgDirectory org, MessageSource messages,
                         @Value("${tongxin.voice.anonymous-suggestions:true}") boolean anonymousAllowed) {
        this.scheme = scheme;
        this.attachments = attachments;
        this.motions = motions;
        this.points = points;
        this.queries = queries;
        this.pages = pages;
        this.org = org;
        this.messages = messages;
        this.anonymousAllowed = anonymousAllowed;
    }

    @GetMapping("/voice")
    String mine(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        if (viewer.employeeId() != null) {
            model.addAttribute("mine", pages.rows(scheme.mine(viewer.employeeId())));
            model.addAttribute("balance", points.balance(viewer.employeeId()));
        } else {
            model.addAttribute("mine", List.of());
            model.addAttribute("balance", 0L);
        }
        return "voice/mine";
    }

    @GetMapping("/voice/new")
    String form(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.empty());
        }
        model.addAttribute("anonymousAllowed", anonymousAllowed);
        model.addAttribute("similar", List.of());
        model.addAttribute("seen", false);
        model.addAttribute("filesAgain", false);
        return "voice/new";
    }

    /**
     * Submits a suggestion. Unless the person has seen the similar ones (the script lists them while the title is
     * typed and says so in {@code seen}), similar earlier suggestions are shown first, and a second press submits.
     */
    @PostMapping("/voice/new")
    String submit(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String problem,
                  @RequestParam(defaultValue = "") String proposal, @RequestParam(defaultValue = "") String expected,
                  @RequestParam(defaultValue = "false") boolean anonymous,
                  @RequestParam(defaultValue = "false") boolean seen,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                  RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Form form = new Form(title, problem, proposal, expected, anonymous);
        List<byte[]> chosen = files == null ? List.of() : ImageResponses.chosen(files);
        if (!seen) {
            List<Suggestion> similar = scheme.similar(title, SIMILAR);
            if (!similar.isEmpty()) {
                model.addAttribute("form", form);
                model.addAttribute("anonymousAllowed", anonymousAllowed);
                model.addAttribute("similar", similar);
                model.addAttribute("seen", true);
                // A browser cannot fill a file field again: the person is asked to choose the files once more.
                model.addAttribute("filesAgain", !chosen.isEmpty());
                return "voice/new";
            }
        }
        try {
            List<SuggestionFiles.Prepared> prepared = attachments.check(chosen);
            long id = attachments.submit(viewer, new SuggestionScheme.Draft(title, problem, proposal, expected,
                    anonymous), prepared);
            redirect.addFlashAttribute("flash", "voice.page.submitted");
            return "redirect:/voice/suggestions/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            model.addAttribute("form", form);
            model.addAttribute("anonymousAllowed", anonymousAllowed);
            model.addAttribute("similar", List.of());
            model.addAttribute("seen", true);
            model.addAttribute("filesAgain", !chosen.isEmpty());
            return "voice/new";
        }
    }

    /** A file of a suggestion, for those who may see it. */
    @GetMapping("/voice/suggestions/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId,
                                @RequestParam(defaultValue = "false") boolean thumb) {
        FileStore.Document document = attachments.open(CurrentViewer.get(), id, fileId, thumb);
        return FileResponses.privateInline(document.mediaType(), document.content(), null);
    }

    /** Similar earlier suggestions for the title being typed (for the form's script). */
    @GetMapping(path = "/voice/similar", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Similar> similar(@RequestParam(defaultValue = "") String title) {
        String t = title.strip();
        if (t.length() < 2 || t.length() > 80) {
            return List.of();
        }
        return scheme.similar(t, SIMILAR).stream().map(s -> new Similar(s.id(), s.title(), messages.getMessage(
                "voice.page.status." + s.status(), null, s.status(), LocaleContextHolder.getLocale()))).toList();
    }

    /** The submitter's own suggestion with its timeline; an officer is sent to their page of it. */
    @GetMapping("/voice/suggestions/{id}")
    String suggestion(@PathVariable long id, Model model) {
        Viewer viewer = CurrentViewer.get();
        Suggestion s = scheme.visible(viewer, id);
        if (viewer.employeeId() == null || viewer.employeeId() != s.submitterId()) {
            if (viewer.isOfficerOrAbove()) {
                return "redirect:/voice-admin/suggestions/" + id;
            }
            throw new NotFoundException("suggestion " + id);
        }
        model.addAttribute("row", pages.rows(List.of(s)).getFirst());
        model.addAttribute("s", s);
        model.addAttribute("steps", pages.timeline(s, scheme.timeline(id)));
        model.addAttribute("files", attachments.of(id));
        model.addAttribute("ownerName", s.ownerUnitId() == null ? null
                : pages.unitNames(List.of(s.ownerUnitId())).get(s.ownerUnitId()));
        model.addAttribute("open", VoicePages.open(s));
        model.addAttribute("motion", motions.fromSuggestion(id).orElse(null));
        return "voice/suggestion";
    }

    @GetMapping("/voice/board")
    String board(Model model) {
        List<Suggestion> list = scheme.board(BOARD);
        Map<Long, EmployeeSummary> people = org.employees(list.stream().filter(s -> !s.anonymous())
                .map(Suggestion::submitterId).toList());
        List<Long> unitIds = new ArrayList<>(list.stream().map(Suggestion::unitId).toList());
        list.stream().map(Suggestion::ownerUnitId).filter(u -> u != null).forEach(unitIds::add);
        Map<Long, String> names = pages.unitNames(unitIds);
        model.addAttribute("lines", list.stream().map(s -> new BoardLine(s,
                s.anonymous() ? null : Optional.ofNullable(people.get(s.submitterId()))
                        .map(EmployeeSummary::name).orElse(null),
                s.anonymous() ? null : names.get(s.unitId()),
                s.ownerUnitId() == null ? null : names.get(s.ownerUnitId()))).toList());
        model.addAttribute("totals", unitTotals());
        return "voice/board";
    }

    /**
     * Points per unit one level below the top of the tree, each with its whole subtree; units without points are left
     * out. People are never ranked.
     */
    private List<UnitTotal> unitTotals() {
        Map<Long, Long> byUnit = new HashMap<>(queries.pointsByUnit());
        Map<Long, Long> totals = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        while (!byUnit.isEmpty()) {
            // One query for the whole tree of the first unit left (usually all of them).
            long any = byUnit.keySet().iterator().next();
            OrgUnit root = org.unit(any).flatMap(u -> org.unit(u.pathIds().getFirst())).orElse(null);
            if (root == null) {
                byUnit.remove(any);
                continue;
            }
            for (UnitCount c : org.subtreeCounts(root)) {
                List<Long> path = c.unit().pathIds();
                long top = path.size() > 1 ? path.get(1) : path.getFirst();
                if (c.unit().id() == top) {
                    names.put(top, c.unit().name());
                }
                Long earned = byUnit.remove(c.unit().id());
                if (earned != null) {
                    totals.merge(top, earned, Long::sum);
                }
            }
            byUnit.remove(any);
        }
        return totals.entrySet().stream().filter(e -> e.getValue() > 0 && names.containsKey(e.getKey()))
                .map(e -> new UnitTotal(names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(UnitTotal::points).reversed()).toList();
    }

    @GetMapping("/voice/points")
    String points(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        model.addAttribute("balance", viewer.employeeId() == null ? 0L : points.balance(viewer.employeeId()));
        model.addAttribute("history", viewer.employeeId() == null ? List.of()
                : points.history(viewer.employeeId(), 200));
        return "voice/points";
    }
}
