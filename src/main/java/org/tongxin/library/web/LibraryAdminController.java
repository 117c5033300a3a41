package org.tongxin.library.web;

import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Copies;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Copies.Status;
import org.tongxin.library.internal.Holdings;
import org.tongxin.library.internal.Holds;
import org.tongxin.library.internal.Loans;
import org.tongxin.library.internal.Rooms;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * The officers' side of the reading rooms: their rooms, opening one, and a room's page with the desk (lend,
 * return, receive by barcode, typed or scanned), its copies, overdue loans, hold shelf and copies in transit.
 * Every action goes through the library's services, which check that the officer runs the room and audit it.
 */
@Controller
class LibraryAdminController {

    static final int COPIES_PER_PAGE = 50;
    /** Readers offered when a name matches several people. */
    private static final int READER_CHOICES = 8;

    /** What the desk just did, shown above the desk forms (a flash attribute, so it is kept in the session). */
    record DeskResult(String kind, String title, String barcode, String reader, OffsetDateTime dueAt, Status status,
                      String roomName) implements Serializable {
    }

    /** A reader or a title to choose from when what was typed fits several. */
    record Choice(long id, String label) implements Serializable {
    }

    /** A loan past due, with the reader the room's officers need to chase. */
    record OverdueRow(Loans.Loan loan, String reader, String employeeNo, String unitName, long daysOver) {
    }

    /** A copy waiting on the hold shelf for a reader, until the pickup deadline. */
    record ShelfRow(Holds.Hold hold, String barcode, String reader, String employeeNo) {
    }

    private final CatalogueService catalogueService;
    private final Circulation circulation;
    private final Rooms rooms;
    private final Copies copies;
    private final Loans loans;
    private final Holds holds;
    private final Holdings holdings;
    private final OrgDirectory org;

    LibraryAdminController(CatalogueService catalogueService, Circulation circulation, Rooms rooms, Copies copies,
                           Loans loans, Holds holds, Holdings holdings, OrgDirectory org) {
        this.catalogueService = catalogueService;
        this.circulation = circulation;
        this.rooms = rooms;
        this.copies = copies;
        this.loans = loans;
        this.holds = holds;
        this.holdings = holdings;
        this.org = org;
    }

    @GetMapping("/library-admin")
    String index(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Room> mine = catalogueService.managedRooms(viewer);
        model.addAttribute("rooms", mine);
        model.addAttribute("counts", holdings.counts(mine.stream().map(Room::id).toList(), circulation.now()));
        model.addAttribute("unitNames", unitNames(mine));
        model.addAttribute("units", org.manageableUnits(viewer));
        model.addAttribute("mayCatalogue", catalogueService.mayCatalogue(viewer));
        model.addAttribute("committee", viewer.has(Role.COMMITTEE));
        return "library/admin/index";
    }

    /** Opens a reading room run by a unit the officer manages. */
    @PostMapping("/library-admin/rooms")
    String open(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "0") long unitId,
                @RequestParam(defaultValue = "") String site, @RequestParam(defaultValue = "") String hours,
                RedirectAttributes redirect) {
        try {
            long id = catalogueService.addRoom(CurrentViewer.get(), name, unitId, site, hours);
            redirect.addFlashAttribute("flash", "library.admin.roomOpened");
            return "redirect:/library-admin/rooms/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/library-admin";
        }
    }

    @GetMapping("/library-admin/rooms/{roomId}")
    String room(@PathVariable long roomId, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Viewer viewer = CurrentViewer.get();
        Room room = circulation.managedRoom(viewer, roomId);
        OffsetDateTime now = circulation.now();
        Status only = Arrays.stream(Status.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        Page<Holdings.CopyRow> list = holdings.ofRoom(roomId, only, q, Page.clamp(page), COPIES_PER_PAGE);
        model.addAttribute("room", room);
        model.addAttribute("unitName", org.unit(room.unitId()).map(OrgUnit::name).orElse(""));
        model.addAttribute("counts", holdings.counts(List.of(roomId), now).get(roomId));
        model.addAttribute("copies", list);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("status", only);
        model.addAttribute("q", q);
        model.addAttribute("overdue", overdue(roomId, now));
        model.addAttribute("shelf", shelf(roomId));
        model.addAttribute("arriving", holdings.arriving(roomId));
        model.addAttribute("leaving", holdings.leaving(roomId));
        model.addAttribute("roomNames", roomNames());
        model.addAttribute("mayCatalogue", catalogueService.mayCatalogue(viewer));
        model.addAttribute("now", now);
        return "library/admin/room";
    }

    @PostMapping("/library-admin/rooms/{roomId}")
    String update(@PathVariable long roomId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String site, @RequestParam(defaultValue = "") String hours,
                  RedirectAttributes redirect) {
        return act(roomId, redirect, "library.admin.roomSaved", "#room-edit",
                () -> catalogueService.updateRoom(CurrentViewer.get(), roomId, name, site, hours));
    }

    /**
     * Lends a copy of the room to an employee found by number or name among those the officer manages; when the
     * name fits several people the desk asks which one.
     */
    @PostMapping("/library-admin/rooms/{roomId}/lend")
    String lend(@PathVariable long roomId, @RequestParam(defaultValue = "") String barcode,
                @RequestParam(defaultValue = "") String reader, @RequestParam(required = false) Long employeeId,
                RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        circulation.managedRoom(viewer, roomId);
        String code = ScannedCode.barcode(barcode);
        redirect.addFlashAttribute("deskFocus", "lend");
        try {
            requireCopy(code);
            EmployeeSummary who;
            if (employeeId != null) {
                who = org.employee(employeeId).orElseThrow(() -> new Refusal("library.error.noSuchReader"));
                org.managedUnit(viewer, who.unitId());
            } else {
                List<EmployeeSummary> found = readers(viewer, reader);
                if (found.size() > 1) {
                    redirect.addFlashAttribute("candidates", found.stream().map(e -> new Choice(e.id(),
                            e.name() + " " + e.employeeNo() + " · " + e.unitName())).toList());
                    redirect.addFlashAttribute("lendBarcode", code);
                    redirect.addFlashAttribute("flash", "library.admin.chooseReader");
                    return "redirect:/library-admin/rooms/" + roomId + "#desk";
                }
                who = found.getFirst();
            }
            Circulation.Borrowed b = circulation.lendAtDesk(viewer, roomId, code, who.id());
            redirect.addFlashAttribute("desk", new DeskResult("LENT", b.title(), code, who.name(), b.dueAt(), null,
                    null));
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("lendBarcode", code);
            redirect.addFlashAttribute("lendReader", reader);
        }
        return "redirect:/library-admin/rooms/" + roomId + "#desk";
    }

    /** The readers a typed number or name means: the one whose number it is, else everyone whose name fits. */
    private List<EmployeeSummary> readers(Viewer viewer, String typed) {
        String q = typed.strip();
        if (q.isEmpty()) {
            throw new Refusal("library.error.readerRequired");
        }
        List<EmployeeSummary> found = org.searchEmployees(viewer, q, READER_CHOICES);
        List<EmployeeSummary> exact = found.stream()
                .filter(e -> e.employeeNo().equalsIgnoreCase(q) || e.name().equals(q)).toList();
        if (exact.size() == 1) {
            return exact;
        }
        if (found.isEmpty()) {
            throw new Refusal("library.error.readerNotFound");
        }
        return exact.isEmpty() ? found : exact;
    }

    /** Takes back a copy at this room's desk, whoever borrowed it and wherever from. */
    @PostMapping("/library-admin/rooms/{roomId}/return")
    String takeBack(@PathVariable long roomId, @RequestParam(defaultValue = "") String barcode,
                    RedirectAttributes redirect) {
        return desk(roomId, barcode, "return", "RETURNED", redirect,
                (viewer, code) -> circulation.returnCopy(viewer, code, roomId));
    }

    /** Takes in a copy that was on its way to this room. */
    @PostMapping("/library-admin/rooms/{roomId}/receive")
    String receive(@PathVariable long roomId, @RequestParam(defaultValue = "") String barcode,
                   RedirectAttributes redirect) {
        return desk(roomId, barcode, "receive", "RECEIVED", redirect,
                (viewer, code) -> circulation.receive(viewer, roomId, code));
    }

    /** A copy handed over the room's desk by its scanned barcode; the outcome or the refusal shows on the desk. */
    private String desk(long roomId, String barcode, String focus, String outcome, RedirectAttributes redirect,
                        BiFunction<Viewer, String, Circulation.Returned> action) {
        Viewer viewer = CurrentViewer.get();
        circulation.managedRoom(viewer, roomId);
        String code = ScannedCode.barcode(barcode);
        redirect.addFlashAttribute("deskFocus", focus);
        try {
            requireCopy(code);
            Circulation.Returned r = action.apply(viewer, code);
            redirect.addFlashAttribute("desk", new DeskResult(outcome, r.title(), code, null, null, r.copyStatus(),
                    roomNames().get(r.roomId())));
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/library-admin/rooms/" + roomId + "#desk";
    }

    /** Marks a copy of this room lost or withdrawn, with a note. */
    @PostMapping("/library-admin/rooms/{roomId}/retire")
    String retire(@PathVariable long roomId, @RequestParam(defaultValue = "") String barcode,
                  @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        circulation.managedRoom(viewer, roomId);
        return act(roomId, redirect, "library.admin.retired", "#copies", () -> {
            String code = ScannedCode.barcode(barcode);
            Copy copy = requireCopy(code);
            if (copy.homeRoomId() != roomId) {
                throw new Refusal("library.error.notInThisRoom");
            }
            if (note.strip().length() > 200) {
                throw new Refusal("library.error.tooLong");
            }
            Status to = switch (status) {
                case "LOST" -> Status.LOST;
                case "WITHDRAWN" -> Status.WITHDRAWN;
                default -> throw new Refusal("library.error.retireStatus");
            };
            circulation.retire(viewer, code, to, note);
        });
    }

    /**
     * Adds copies of a title to this room: the title chosen, or found by ISBN or words; when the words fit several
     * titles the page asks which one. The new barcodes are offered for printing.
     */
    @PostMapping("/library-admin/rooms/{roomId}/copies")
    String addCopies(@PathVariable long roomId, @RequestParam(required = false) Long titleId,
                     @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "1") int count,
                     RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        circulation.managedRoom(viewer, roomId);
        try {
            long id;
            if (titleId != null) {
                id = titleId;
            } else {
                List<Catalogue.Title> found = holdings.findTitles(title, READER_CHOICES);
                if (found.isEmpty()) {
                    throw new Refusal("library.error.noSuchTitle");
                }
                if (found.size() > 1) {
                    redirect.addFlashAttribute("titleChoices", found.stream().map(t -> new Choice(t.id(), t.title()
                            + (t.authors().isEmpty() ? "" : " · " + t.authors())
                            + (t.isbn13() == null ? "" : " · " + t.isbn13()))).toList());
                    redirect.addFlashAttribute("copyCount", count);
                    redirect.addFlashAttribute("flash", "library.admin.chooseTitle");
                    return "redirect:/library-admin/rooms/" + roomId + "#add-copies";
                }
                id = found.getFirst().id();
            }
            List<Copy> added = catalogueService.addCopies(viewer, id, roomId, count);
            redirect.addFlashAttribute("added", added.stream().map(Copy::barcode).toList());
            redirect.addFlashAttribute("flash", "library.admin.copiesAdded");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/library-admin/rooms/" + roomId + "#add-copies";
    }

    private Copy requireCopy(String barcode) {
        return copies.byBarcode(barcode).orElseThrow(() -> new Refusal("library.error.noSuchCopy"));
    }

    private List<OverdueRow> overdue(long roomId, OffsetDateTime now) {
        List<OverdueRow> rows = new ArrayList<>();
        for (Loans.Loan l : loans.overdueInRoom(roomId, now)) {
            EmployeeSummary who = org.employee(l.employeeId()).orElse(null);
            rows.add(new OverdueRow(l, who == null ? "#" + l.employeeId() : who.name(),
                    who == null ? "" : who.employeeNo(), who == null ? "" : who.unitName(),
                    Math.max(1, Duration.between(l.dueAt(), now).toDays())));
        }
        return rows;
    }

    private List<ShelfRow> shelf(long roomId) {
        List<ShelfRow> rows = new ArrayList<>();
        for (Holds.Hold h : holds.readyIn(roomId)) {
            EmployeeSummary who = org.employee(h.employeeId()).orElse(null);
            String barcode = h.copyId() == null ? "" : copies.find(h.copyId()).map(Copy::barcode).orElse("");
            rows.add(new ShelfRow(h, barcode, who == null ? "#" + h.employeeId() : who.name(),
                    who == null ? "" : who.employeeNo()));
        }
        return rows;
    }

    private Map<Long, String> roomNames() {
        Map<Long, String> names = new HashMap<>();
        rooms.all().forEach(r -> names.put(r.id(), r.name()));
        return names;
    }

    private Map<Long, String> unitNames(List<Room> list) {
        Map<Long, String> names = new HashMap<>();
        list.forEach(r -> names.computeIfAbsent(r.unitId(), id -> org.unit(id).map(OrgUnit::name).orElse("")));
        return names;
    }

    private static String act(long roomId, RedirectAttributes redirect, String doneKey, String anchor,
                              Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/library-admin/rooms/" + roomId + anchor;
    }
}
