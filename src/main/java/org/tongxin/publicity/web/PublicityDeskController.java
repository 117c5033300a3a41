package org.tongxin.publicity.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityDesk;
import org.tongxin.publicity.internal.PublicityDesk.Stage;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.publicity.internal.Pushes;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.ImageResponses;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.shared.web.Uploads;

/**
 * The officers' publicity desk (/publicity-admin): items of the units they manage by where they stand, writing an
 * article or a short video, the editor of drafts and items sent back (text, pictures put into the body, cover,
 * submitting), and the read-only page of an item in review or published with what may be done to it. Reviewers of
 * a unit who do not manage it see its items read-only. Every change goes through the publicity services, which
 * check the officer's reach and audit it.
 */
@Controller
class PublicityDeskController {

    /** Items listed per stage on the desk: the newest changes; older ones are found by the stage filter. */
    static final int DESK_LIMIT = 100;
    private static final Set<Stage> EDITABLE = Set.of(Stage.DRAFT, Stage.RETURNED);

    /** An item on the desk with the name of its unit. */
    record Row(Items.Item item, Stage stage, String unitName) {
    }

    /** How the viewer stands to an item: manages its unit (may edit), reviews it, or both. */
    record Standing(Items.Item item, Stage stage, boolean manages, boolean reviews, boolean own) {

        boolean editable() {
            return manages && EDITABLE.contains(stage);
        }
    }

    private final PublicityService publicity;
    private final PublicityMedia media;
    private final PublicityDesk desk;
    private final Items items;
    private final Pushes pushes;
    private final OrgDirectory org;
    private final MessageSource messages;

    PublicityDeskController(PublicityService publicity, PublicityMedia media, PublicityDesk desk, Items items,
                            Pushes pushes, OrgDirectory org, MessageSource messages) {
        this.publicity = publicity;
        this.media = media;
        this.desk = desk;
        this.items = items;
        this.pushes = pushes;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/publicity-admin")
    String index(@RequestParam(required = false) String status, Model model) {
        Viewer viewer = CurrentViewer.get();
        Set<Long> units = org.manageableUnitIds(viewer).orElse(null);
        Stage only = Stage.parse(status).orElse(null);
        LongFunction<String> names = unitNames();
        Map<Stage, List<Row>> groups = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            groups.put(s, new ArrayList<>());
        }
        for (Items.Item item : desk.items(units, only, DESK_LIMIT)) {
            Stage s = Stage.of(item);
            groups.get(s).add(new Row(item, s, names.apply(item.unitId())));
        }
        groups.values().removeIf(List::isEmpty);
        model.addAttribute("groups", groups);
        model.addAttribute("counts", desk.counts(units));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("only", only);
        model.addAttribute("writes", !org.manageableUnits(viewer).isEmpty());
        boolean reviews = desk.reviewsAnything(viewer);
        model.addAttribute("reviews", reviews);
        model.addAttribute("queueSize", reviews ? desk.reviewQueue(viewer, 1000).size() : 0);
        return "publicity-admin/desk";
    }

    @GetMapping("/publicity-admin/items/new")
    String newItem(@RequestParam(defaultValue = "ARTICLE") String kind, @RequestParam(required = false) Long unit,
                   Model model) {
        return newForm(model, CurrentViewer.get(), ItemForm.blank(kind, unit));
    }

    private String newForm(Model model, Viewer viewer, ItemForm form) {
        model.addAttribute("form", form);
        model.addAttribute("kind", form.kindOrArticle());
        model.addAttribute("units", org.manageableUnits(viewer));
        model.addAttribute("categories", ItemForm.CATEGORIES);
        model.addAttribute("videoMaxMb", media.videoMaxMb());
        return "publicity-admin/new";
    }

    /** Starts an article, or a video item from its uploaded clip, for a unit the officer manages. */
    @PostMapping("/publicity-admin/items")
    String create(@ModelAttribute ItemForm form, @RequestParam(name = "file", required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        // The unit first, so a form forged for another unit is refused before a large upload is spooled.
        long unitId = org.managedUnit(viewer, form.unitId() == null ? -1 : form.unitId()).id();
        String kind = form.kindOrArticle();
        try {
            long id;
            if (kind.equals("VIDEO")) {
                long[] created = new long[1];
                Uploads.spooled(file, path -> created[0] = media.createVideo(viewer, form.draft(kind, unitId), path));
                id = created[0];
            } else {
                id = publicity.create(viewer, form.draft(kind, unitId), null);
            }
            redirect.addFlashAttribute("flash", "publicity.desk.created");
            return "redirect:/publicity-admin/items/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return newForm(model, viewer, form);
        }
    }

    @GetMapping("/publicity-admin/items/{itemId}")
    String item(@PathVariable long itemId, Model model) {
        Viewer viewer = CurrentViewer.get();
        return page(model, viewer, standing(viewer, itemId), null);
    }

    /** The editor (a draft or an item sent back, for its unit's officers) or the item as it stands. */
    private String page(Model model, Viewer viewer, Standing s, ItemForm posted) {
        Items.Item item = s.item();
        model.addAttribute("item", item);
        model.addAttribute("stage", s.stage());
        model.addAttribute("standing", s);
        model.addAttribute("editable", s.editable());
        model.addAttribute("unitName", unitNames().apply(item.unitId()));
        model.addAttribute("form", posted != null ? posted : ItemForm.of(item));
        model.addAttribute("categories", ItemForm.CATEGORIES);
        model.addAttribute("pictures", media.pictures(item.id()));
        model.addAttribute("hasCover", item.coverKey() != null || item.posterKey() != null);
        model.addAttribute("coverVersion", Objects.hash(item.coverKey(), item.posterKey()));
        model.addAttribute("pushes", s.manages() ? pushes.ofItem(item.id()) : List.of());
        model.addAttribute("withdrawal", desk.withdrawal(item.id()).orElse(null));
        model.addAttribute("mayDecide", s.reviews() && !s.own() && s.stage() == Stage.SUBMITTED);
        model.addAttribute("mayWithdraw", s.stage() == Stage.PUBLISHED && (s.manages() || s.reviews()));
        model.addAttribute("earliest", PublicityReviewController.earliest());
        return "publicity-admin/item";
    }

    /** The item when the viewer manages its unit or reviews it; 404 otherwise. */
    private Standing standing(Viewer viewer, long itemId) {
        Items.Item item = items.find(itemId).orElseThrow(() -> new NotFoundException("item " + itemId));
        boolean manages = org.unit(item.unitId()).map(u -> viewer.manages(u.pathIds())).orElse(false);
        boolean reviews = publicity.mayReview(viewer, item.unitId());
        if (!manages && !reviews) {
            throw new NotFoundException("item " + itemId);
        }
        boolean own = item.createdBy() == viewer.accountId()
                || item.submittedBy() != null && item.submittedBy() == viewer.accountId();
        return new Standing(item, Stage.of(item), manages, reviews, own);
    }

    @PostMapping("/publicity-admin/items/{itemId}")
    String save(@PathVariable long itemId, @ModelAttribute ItemForm form, Model model, RedirectAttributes redirect) {
        return act(itemId, form, model, redirect, "publicity.desk.saved", viewer -> {
        });
    }

    @PostMapping("/publicity-admin/items/{itemId}/submit")
    String submit(@PathVariable long itemId, @ModelAttribute ItemForm form, Model model, RedirectAttributes redirect) {
        return act(itemId, form, model, redirect, "publicity.desk.submitted",
                viewer -> publicity.submit(viewer, itemId));
    }

    @PostMapping("/publicity-admin/items/{itemId}/cover")
    String cover(@PathVariable long itemId, @ModelAttribute ItemForm form,
                 @RequestParam(name = "cover", required = false) MultipartFile cover, Model model,
                 RedirectAttributes redirect) {
        return act(itemId, form, model, redirect, "publicity.desk.coverSaved",
                viewer -> media.setCover(viewer, itemId, chosenBytes(cover)));
    }

    /**
     * Adds a picture. The editor's script sends it alone and asks for JSON, then puts the figure into the body at
     * the cursor itself; without the script the whole form comes along, and the figure is added at the end of the
     * body before it is saved.
     */
    @PostMapping("/publicity-admin/items/{itemId}/pictures")
    Object picture(@PathVariable long itemId, @ModelAttribute ItemForm form,
                   @RequestParam(name = "picture", required = false) MultipartFile picture,
                   @RequestHeader(name = "Accept", defaultValue = "") String accept, Model model,
                   RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Standing s = standing(viewer, itemId);
        if (accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            try {
                PublicityMedia.Picture added = media.addPicture(viewer, itemId, chosenBytes(picture));
                return ResponseEntity.ok(Map.of("id", added.id(), "url", added.imageUrl()));
            } catch (Refusal e) {
                return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error",
                        messages.getMessage(e.messageKey(), null, e.messageKey(), LocaleContextHolder.getLocale())));
            }
        }
        ItemForm shown = form.posted() ? form : null;
        try {
            String url = media.addPicture(viewer, itemId, chosenBytes(picture)).imageUrl();
            shown = (form.posted() ? form : ItemForm.of(s.item())).withFigure(url);
            publicity.update(viewer, itemId, shown.draft(s.item().kind(), s.item().unitId()));
            redirect.addFlashAttribute("flash", "publicity.desk.pictureAdded");
            return "redirect:/publicity-admin/items/" + itemId + "#item-body";
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return page(model, viewer, standing(viewer, itemId), shown);
        }
    }

    /**
     * Saves the text when the form came along (so uploading a cover or submitting never loses what was typed), then
     * does the action; a refusal shows the editor again with what was typed.
     */
    private String act(long itemId, ItemForm form, Model model, RedirectAttributes redirect, String done,
                       Consumer<Viewer> action) {
        Viewer viewer = CurrentViewer.get();
        Items.Item item = publicity.managed(viewer, itemId);
        try {
            if (form.posted()) {
                publicity.update(viewer, itemId, form.draft(item.kind(), item.unitId()));
            }
            action.accept(viewer);
            redirect.addFlashAttribute("flash", done);
            return "redirect:/publicity-admin/items/" + itemId;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return page(model, viewer, standing(viewer, itemId), form.posted() ? form : null);
        }
    }

    private static byte[] chosenBytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new Refusal("publicity.desk.noFile");
        }
        return Uploads.bytes(file);
    }

    /** A published item taken down, with the reason its page will show. */
    @PostMapping("/publicity-admin/items/{itemId}/withdraw")
    String withdraw(@PathVariable long itemId, @RequestParam(defaultValue = "") String reason,
                    RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        standing(viewer, itemId);
        try {
            publicity.withdraw(viewer, itemId, reason);
            redirect.addFlashAttribute("flash", "publicity.desk.withdrawn");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/publicity-admin/items/" + itemId;
    }

    /** The cover (or a video's poster frame) for the editor, before the item has a public page. */
    @GetMapping("/publicity-admin/items/{itemId}/cover")
    ResponseEntity<byte[]> coverImage(@PathVariable long itemId) {
        Standing s = standing(CurrentViewer.get(), itemId);
        return media.cover(s.item()).map(ImageResponses::immutable)
                .orElseThrow(() -> new NotFoundException("cover of item " + itemId));
    }

    private LongFunction<String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        return id -> names.computeIfAbsent(id, k -> org.unit(k).map(OrgUnit::name).orElse("#" + k));
    }
}
