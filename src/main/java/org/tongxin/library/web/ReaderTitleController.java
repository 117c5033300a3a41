package org.tongxin.library.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.Catalogue.Category;
import org.tongxin.library.internal.Catalogue.Title;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Copies;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Holds;
import org.tongxin.library.internal.Holds.Hold;
import org.tongxin.library.internal.Loans;
import org.tongxin.library.internal.ReadingRecommendations;
import org.tongxin.library.internal.Rooms;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;

/** A title as readers see it: where its copies are, the reader's own loan or hold of it, placing and giving up holds. */
@Controller
class ReaderTitleController {

    /** Copies of a title in one room, by where they stand; in-transit copies count at the room they are heading to. */
    record RoomCopies(Room room, int available, int onLoan, int onHoldShelf, int inTransit) {
    }

    private final Catalogue catalogue;
    private final Copies copies;
    private final Loans loans;
    private final Holds holds;
    private final Rooms rooms;
    private final Circulation circulation;
    private final ReadingRecommendations recommendations;
    private final FileStore files;

    ReaderTitleController(Catalogue catalogue, Copies copies, Loans loans, Holds holds, Rooms rooms,
                          Circulation circulation, ReadingRecommendations recommendations, FileStore files) {
        this.catalogue = catalogue;
        this.copies = copies;
        this.loans = loans;
        this.holds = holds;
        this.rooms = rooms;
        this.circulation = circulation;
        this.recommendations = recommendations;
        this.files = files;
    }

    @GetMapping("/library/titles/{titleId}")
    String show(@PathVariable long titleId, Locale locale, Model model) {
        Title title = catalogue.find(titleId).orElseThrow(() -> new NotFoundException("title " + titleId));
        Viewer viewer = CurrentViewer.get();
        Long me = viewer.employeeId();
        Map<Long, Room> allRooms = new LinkedHashMap<>();
        rooms.all().forEach(r -> allRooms.put(r.id(), r));
        List<Copy> lendable = copies.ofTitle(titleId).stream()
                .filter(c -> c.status() != Copies.Status.LOST && c.status() != Copies.Status.WITHDRAWN).toList();
        List<RoomCopies> perRoom = perRoom(lendable, allRooms);
        boolean onShelf = lendable.stream().anyMatch(c -> c.status() == Copies.Status.AVAILABLE);
        Optional<Loans.Loan> myLoan = me == null ? Optional.empty()
                : loans.openOf(me).stream().filter(l -> l.titleId() == titleId).findFirst();
        Optional<Hold> myHold = me == null ? Optional.empty() : holds.openOf(me, titleId);

        model.addAttribute("book", title);
        model.addAttribute("categoryPath", categoryPath(title.categoryId(), locale));
        model.addAttribute("rooms", perRoom);
        model.addAttribute("onShelf", onShelf);
        model.addAttribute("waiting", holds.waiting(titleId));
        model.addAttribute("myLoan", myLoan.orElse(null));
        model.addAttribute("myHold", myHold.orElse(null));
        model.addAttribute("roomsById", allRooms);
        model.addAttribute("canHold", me != null && !onShelf && !lendable.isEmpty() && myLoan.isEmpty()
                && myHold.isEmpty());
        model.addAttribute("pickupRooms", pickupRooms(perRoom, allRooms));
        model.addAttribute("alsoBorrowed", recommendations.alsoBorrowed(titleId, me, 6));
        model.addAttribute("now", circulation.now());
        return "library/reader-title";
    }

    @GetMapping("/library/titles/{titleId}/cover")
    ResponseEntity<byte[]> cover(@PathVariable long titleId) {
        FileStore.Image image = catalogue.find(titleId).map(Title::coverKey).flatMap(files::readImage)
                .orElseThrow(() -> new NotFoundException("cover of title " + titleId));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate())
                .header("Content-Type", image.mediaType()).body(image.content());
    }

    @PostMapping("/library/titles/{titleId}/hold")
    String placeHold(@PathVariable long titleId, @RequestParam(defaultValue = "0") long pickupRoomId,
                     RedirectAttributes redirect) {
        catalogue.find(titleId).orElseThrow(() -> new NotFoundException("title " + titleId));
        String back = "/library/titles/" + titleId;
        return ReaderPages.flash(redirect, "library.reader.holdPlaced", back, back, () -> new Object[]{
                circulation.placeHold(CurrentViewer.get(), titleId, pickupRoomId)});
    }

    /** Gives up one of the reader's holds; {@code from=me} returns to "my library", otherwise to the title. */
    @PostMapping("/library/holds/{holdId}/cancel")
    String cancelHold(@PathVariable long holdId, @RequestParam(defaultValue = "") String from,
                      RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Hold hold = holds.find(holdId).filter(h -> viewer.employeeId() != null && h.employeeId() == viewer.employeeId())
                .orElseThrow(() -> new NotFoundException("hold " + holdId));
        String back = "me".equals(from) ? "/library/me" : "/library/titles/" + hold.titleId();
        return ReaderPages.flash(redirect, "library.reader.holdCancelled", back, back, () -> {
            circulation.cancelHold(viewer, holdId);
            return new Object[]{hold.title()};
        });
    }

    /** The category and those above it, top first, in the page's language. */
    private List<String> categoryPath(long categoryId, Locale locale) {
        Map<Long, Category> all = new LinkedHashMap<>();
        catalogue.categories().forEach(c -> all.put(c.id(), c));
        List<String> path = new ArrayList<>();
        for (long id : catalogue.categoryAndAncestors(categoryId).reversed()) {
            Category c = all.get(id);
            path.add("zh".equals(locale.getLanguage()) ? c.nameZh() : c.nameEn());
        }
        return path;
    }

    private static List<RoomCopies> perRoom(List<Copy> lendable, Map<Long, Room> allRooms) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        for (Copy c : lendable) {
            int[] n = counts.computeIfAbsent(c.roomId(), id -> new int[4]);
            switch (c.status()) {
                case AVAILABLE -> n[0]++;
                case ON_LOAN -> n[1]++;
                case ON_HOLD_SHELF -> n[2]++;
                default -> n[3]++;
            }
        }
        return counts.entrySet().stream()
                .map(e -> new RoomCopies(allRooms.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .sorted(Comparator.comparingInt(RoomCopies::available).reversed()
                        .thenComparing(rc -> rc.room().name()))
                .toList();
    }

    /** Every room may be the pickup room (a copy travels there); the rooms holding copies come first. */
    private static List<Room> pickupRooms(List<RoomCopies> perRoom, Map<Long, Room> allRooms) {
        List<Room> ordered = new ArrayList<>(perRoom.stream().map(RoomCopies::room).toList());
        allRooms.values().stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
        return ordered;
    }
}
