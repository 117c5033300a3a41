package org.tongxin.care.web;

import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.care.internal.Aid;
import org.tongxin.care.internal.AidService;
import org.tongxin.shared.web.Uploads;

/** What the employee's form and the officer's on-behalf form share. */
final class AidForms {

    private AidForms() {
    }

    /** The choices of the form, and an empty one unless a refused form comes back with what was typed. */
    static void prepare(Model model) {
        model.addAttribute("categories", Aid.Category.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AidService.AidForm("", "", ""));
        }
    }

    /** The files chosen (see {@link Uploads#chosen}). */
    static List<AidService.Upload> uploads(List<MultipartFile> parts) {
        return Uploads.chosen(parts).stream()
                .map(p -> new AidService.Upload(Uploads.fileName(p), Uploads.bytes(p)))
                .toList();
    }
}
