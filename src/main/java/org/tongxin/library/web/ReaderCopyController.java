package org.tongxin.library.web;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Copies;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Holds;
import org.tongxin.library.internal.Holds.Hold;
import org.tongxin.library.internal.Loans;
import org.tongxin.library.internal.Loans.Loan;
import org.tongxin.library.internal.Rooms;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The page a copy's QR label opens on the reader's phone (after log-in, the reader lands back on it): the copy, a
 * Borrow button when it may be theirs, and Return when they hold it.
 */
@Controller
class ReaderCopyController {

    private final Copies copies;
    private final Catalogue catalogue;
    private final Loans loans;
    private final Holds holds;
    private final Rooms rooms;
    private final Circulation circulation;

    ReaderCopyController(Copies copies, Catalogue catalogue, Loans loans, Holds holds, Rooms rooms,
                         Circulation circulation) {
        this.copies = copies;
        this.catalogue = catalogue;
        this.loans = loans;
        this.holds = holds;
        this.rooms = rooms;
        this.circulation = circulation;
    }

    @GetMapping("/library/c/{barcode}")
    String show(@PathVariable String barcode, Model model) {
        Copy copy = copy(barcode);
        Long me = CurrentViewer.get().employeeId();
        Optional<Loan> loan = loans.openOnCopy(copy.id());
        boolean mine = me != null && loan.map(l -> l.employeeId() == me).orElse(false);
        Optional<Hold> caught = holds.caughtFor(copy.id());
        boolean heldForMe = me != null && caught.map(h -> h.employeeId() == me).orElse(false);
        model.addAttribute("copy", copy);
        model.addAttribute("book", catalogue.find(copy.titleId()).orElseThrow());
        model.addAttribute("room", rooms.find(copy.roomId()).orElseThrow());
        model.addAttribute("mine", mine);
        model.addAttribute("myLoan", mine ? loan.get() : null);
        model.addAttribute("dueBack", !mine ? loan.map(Loan::dueAt).orElse(null) : null);
        model.addAttribute("heldForMe", heldForMe);
        model.addAttribute("pickupBy", heldForMe ? caught.get().pickupBy() : null);
        model.addAttribute("canBorrow", me != null && (copy.status() == Copies.Status.AVAILABLE || heldForMe));
        model.addAttribute("loanDays", me == null ? null : circulation.policyFor(me, copy.titleId()).loanDays());
        model.addAttribute("returnRooms", rooms.all());
        model.addAttribute("now", circulation.now());
        return "library/reader-copy";
    }

    /** Lends the copy to the reader; an unknown barcode is 404 (the loan is the only look-up on this hot path). */
    @PostMapping("/library/c/{barcode}/borrow")
    String borrow(@PathVariable String barcode, RedirectAttributes redirect) {
        String normal = normal(barcode);
        return ReaderPages.flash(redirect, "library.reader.borrowed", "/library/me", "/library/c/" + normal, () -> {
            Circulation.Borrowed b = circulation.borrow(CurrentViewer.get(), normal);
            return new Object[]{b.title(), ReaderPages.day(b.dueAt())};
        });
    }

    /** The borrower leaves the copy at a room (the one it came from, or any other). */
    @PostMapping("/library/c/{barcode}/return")
    String giveBack(@PathVariable String barcode, @RequestParam(defaultValue = "0") long roomId,
                    RedirectAttributes redirect) {
        Copy copy = copy(barcode);
        Viewer viewer = CurrentViewer.get();
        Room room = rooms.find(roomId).orElse(null);
        boolean mine = viewer.employeeId() != null && loans.openOnCopy(copy.id())
                .map(l -> l.employeeId() == viewer.employeeId()).orElse(false);
        if (!mine) {
            redirect.addFlashAttribute("flashError", "library.reader.error.notYourLoan");
            return "redirect:" + page(copy);
        }
        if (room == null) {
            redirect.addFlashAttribute("flashError", "library.reader.error.chooseRoom");
            return "redirect:" + page(copy);
        }
        try {
            Circulation.Returned r = circulation.returnCopy(viewer, copy.barcode(), room.id());
            String heading = rooms.find(r.roomId()).map(Room::name).orElse("");
            redirect.addFlashAttribute("flash", "library.reader.returned." + r.copyStatus().name());
            redirect.addFlashAttribute("flashArgs", new Object[]{r.title(), room.name(), heading});
            return "redirect:/library/me";
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:" + page(copy);
        }
    }

    private Copy copy(String barcode) {
        return copies.byBarcode(normal(barcode)).orElseThrow(() -> new NotFoundException("copy " + barcode));
    }

    /** Barcodes are printed in capitals; a label typed by hand may not be. */
    private static String normal(String barcode) {
        return barcode == null ? "" : barcode.trim().toUpperCase();
    }

    private static String page(Copy copy) {
        return "/library/c/" + copy.barcode();
    }
}
