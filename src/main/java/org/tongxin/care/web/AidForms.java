package org.tongxin.care.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.care.internal.Aid;
import org.tongxin.care.internal.AidService;

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

    /**
     * The files chosen. A browser sends one nameless, empty part when none is chosen; that one is dropped,
     * while an empty file the person did choose is kept for the service to refuse.
     */
    static List<AidService.Upload> uploads(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(p -> !(p.isEmpty() && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
                .map(p -> {
                    try {
                        return new AidService.Upload(p.getOriginalFilename(), p.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
