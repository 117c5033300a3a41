package org.tongxin.library.web;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.Catalogue.Title;
import org.tongxin.library.internal.Catalogue.TitleDraft;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Holdings;
import org.tongxin.library.internal.Isbn;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.shared.web.Uploads;

/**
 * Cataloguing one title at a time: the form (ISBN-10 or 13, checked and kept as ISBN-13), its cover, and copies
 * for a room the officer runs, added right after saving. The catalogue is one for the whole enterprise, so any
 * officer running a reading room (and the committee) may add and correct titles. Covers are served to every
 * signed-in user, for the readers' pages.
 */
@Controller
class LibraryAdminTitleController {

    private static final int COVER_BYTES = 5 * 1024 * 1024;

    /** The title form as typed; the year is text so that a wrong one is refused with a message, not a 400. */
    record TitleForm(String isbn, String title, String authors, String publisher, String year, Long categoryId,
                     String summary) implements Serializable {

        static TitleForm of(Title t) {
            return new TitleForm(t.isbn13(), t.title(), t.authors(), t.publisher(),
                    t.pubYear() == null ? "" : t.pubYear().toString(), t.categoryId(), t.summary());
        }

        TitleDraft draft() {
            Integer y = null;
            if (year != null && !year.isBlank()) {
                try {
                    y = Integer.valueOf(year.strip());
                } catch (NumberFormatException e) {
                    throw new Refusal("library.error.badYear");
                }
            }
            return new TitleDraft(isbn, title, authors, publisher, y, categoryId == null ? -1 : categoryId, summary);
        }
    }

    private final CatalogueService catalogueService;
    private final Catalogue catalogue;
    private final Holdings holdings;
    private final FileStore files;

    LibraryAdminTitleController(CatalogueService catalogueService, Catalogue catalogue, Holdings holdings,
                                FileStore files) {
        this.catalogueService = catalogueService;
        this.catalogue = catalogue;
        this.holdings = holdings;
        this.files = files;
    }

    /**
     * The empty form; with {@code isbn} (typed, or scanned from the book's own barcode) a title already catalogued
     * opens instead, to add copies of it.
     */
    @GetMapping("/library-admin/titles/new")
    String form(@RequestParam(defaultValue = "") String isbn, Model model, RedirectAttributes redirect) {
        Viewer viewer = cataloguer();
        Optional<Title> known = Isbn.toIsbn13(isbn).flatMap(catalogue::byIsbn);
        if (known.isPresent()) {
            redirect.addFlashAttribute("flash", "library.admin.alreadyCatalogued");
            return "redirect:/library-admin/titles/" + known.get().id() + "/edit#copies";
        }
        model.addAttribute("form", new TitleForm(isbn.strip(), "", "", "", "", null, ""));
        options(model, viewer);
        return "library/admin/title";
    }

    @PostMapping("/library-admin/titles")
    String create(@ModelAttribute TitleForm form, @RequestParam(name = "cover", required = false) List<MultipartFile> cover,
                  @RequestParam(defaultValue = "0") int copies, @RequestParam(defaultValue = "0") long roomId,
                  Model model, RedirectAttributes redirect) {
        Viewer viewer = cataloguer();
        long id;
        try {
            byte[] picture = picture(cover);
            // Checked before the picture is kept, so a refused title leaves no file behind.
            catalogueService.checked(form.draft(), null);
            String coverKey = picture == null ? null : files.storeImage("library", picture, COVER_BYTES);
            id = catalogueService.addTitle(viewer, form.draft(), coverKey);
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            model.addAttribute("form", form);
            model.addAttribute("copies", copies);
            model.addAttribute("roomId", roomId);
            options(model, viewer);
            return "library/admin/title";
        }
        redirect.addFlashAttribute("flash", "library.admin.titleSaved");
        if (copies > 0) {
            addCopies(viewer, id, roomId, copies, redirect);
        }
        return "redirect:/library-admin/titles/" + id + "/edit";
    }

    @GetMapping("/library-admin/titles/{titleId}/edit")
    String edit(@PathVariable long titleId, Model model) {
        Viewer viewer = cataloguer();
        Title title = catalogue.find(titleId).orElseThrow(() -> new NotFoundException("title " + titleId));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TitleForm.of(title));
        }
        model.addAttribute("book", title);
        List<Room> rooms = catalogueService.managedRooms(viewer);
        model.addAttribute("held", holdings.ofTitle(titleId, rooms.stream().map(Room::id).toList()));
        options(model, viewer);
        return "library/admin/title";
    }

    @PostMapping("/library-admin/titles/{titleId}")
    String update(@PathVariable long titleId, @ModelAttribute TitleForm form,
                  @RequestParam(name = "cover", required = false) List<MultipartFile> cover,
                  RedirectAttributes redirect) {
        Viewer viewer = cataloguer();
        try {
            byte[] picture = picture(cover);
            catalogueService.updateTitle(viewer, titleId, form.draft());
            if (picture != null) {
                catalogueService.setCover(viewer, titleId, files.storeImage("library", picture, COVER_BYTES));
            }
            redirect.addFlashAttribute("flash", "library.admin.titleSaved");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/library-admin/titles/" + titleId + "/edit";
    }

    /** Copies of the title for a room the officer runs (another unit's room: 404). */
    @PostMapping("/library-admin/titles/{titleId}/copies")
    String copies(@PathVariable long titleId, @RequestParam(defaultValue = "0") long roomId,
                  @RequestParam(defaultValue = "1") int count, RedirectAttributes redirect) {
        addCopies(CurrentViewer.get(), titleId, roomId, count, redirect);
        return "redirect:/library-admin/titles/" + titleId + "/edit#copies";
    }

    /** A title's cover, for every signed-in reader; revalidated by its key, which changes with the picture. */
    @GetMapping("/library/covers/{titleId}")
    ResponseEntity<byte[]> cover(@PathVariable long titleId, WebRequest request) {
        String key = catalogue.find(titleId).map(Title::coverKey)
                .orElseThrow(() -> new NotFoundException("cover " + titleId));
        if (request.checkNotModified(key)) {
            return null;
        }
        FileStore.Image image = files.readImage(key).orElseThrow(() -> new NotFoundException("cover " + titleId));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate()).eTag(key)
                .header("Content-Type", image.mediaType()).body(image.content());
    }

    private void addCopies(Viewer viewer, long titleId, long roomId, int count, RedirectAttributes redirect) {
        try {
            List<Copy> added = catalogueService.addCopies(viewer, titleId, roomId, count);
            redirect.addFlashAttribute("added", added.stream().map(Copy::barcode).toList());
            redirect.addFlashAttribute("addedRoomId", roomId);
            redirect.addFlashAttribute("flash", "library.admin.copiesAdded");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
    }

    /** The chosen picture, checked to be an image of a sensible size; null when none was chosen. */
    private byte[] picture(List<MultipartFile> cover) {
        List<MultipartFile> chosen = Uploads.chosen(cover);
        if (chosen.isEmpty()) {
            return null;
        }
        byte[] bytes = Uploads.bytes(chosen.getFirst());
        files.imageType(bytes, COVER_BYTES);
        return bytes;
    }

    private void options(Model model, Viewer viewer) {
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("rooms", catalogueService.managedRooms(viewer));
    }

    /** Officers who run no reading room (and plain employees) do not catalogue: 404. */
    private Viewer cataloguer() {
        Viewer viewer = CurrentViewer.get();
        if (!catalogueService.mayCatalogue(viewer)) {
            throw new NotFoundException("catalogue");
        }
        return viewer;
    }
}
