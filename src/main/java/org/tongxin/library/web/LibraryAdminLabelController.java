package org.tongxin.library.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Holdings;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.PublicAddress;
import org.tongxin.shared.web.QrCodes;

/**
 * The printable sheet of QR labels for a room's copies (all of them, those added on a day, or those chosen): each
 * label holds the QR code of the copy's page, which a reader scans at the shelf to borrow it, the barcode in
 * print for the desk, a shortened title and the room.
 */
@Controller
class LibraryAdminLabelController {

    /** Labels per sheet request: ten A4 pages of 24. */
    static final int LABELS_PER_SHEET = 240;
    private static final int TITLE_CHARS = 18;

    /** One label. */
    record Label(String barcode, String title, String qrSvg) {
    }

    private final Circulation circulation;
    private final Holdings holdings;
    private final PublicAddress address;

    LibraryAdminLabelController(Circulation circulation, Holdings holdings, PublicAddress address) {
        this.circulation = circulation;
        this.holdings = holdings;
        this.address = address;
    }

    @GetMapping("/library-admin/rooms/{roomId}/labels")
    String labels(@PathVariable long roomId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  @RequestParam(required = false) List<String> barcodes, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        Room room = circulation.managedRoom(CurrentViewer.get(), roomId);
        List<String> chosen = barcodes == null ? List.of()
                : barcodes.stream().map(ScannedCode::barcode).filter(b -> !b.isEmpty()).distinct().toList();
        Holdings.LabelFilter filter = new Holdings.LabelFilter(day, chosen);
        Page<Holdings.CopyRow> copies = holdings.forLabels(roomId, filter, ZoneId.systemDefault(), Page.clamp(page),
                LABELS_PER_SHEET);
        // Labels are printed once and stay on the books: the public address, even when printed from an internal one.
        String base = address.base();
        model.addAttribute("room", room);
        model.addAttribute("labels", copies.items().stream()
                .map(c -> new Label(c.barcode(), shortened(c.title()), QrCodes.svg(base + "/library/c/" + c.barcode())))
                .toList());
        model.addAttribute("sheet", copies);
        model.addAttribute("day", day);
        model.addAttribute("barcodes", String.join(",", chosen));
        return "library/admin/labels";
    }

    private static String shortened(String title) {
        return title.codePointCount(0, title.length()) <= TITLE_CHARS ? title
                : title.substring(0, title.offsetByCodePoints(0, TITLE_CHARS - 1)) + "…";
    }
}
