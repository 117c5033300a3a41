package org.tongxin.library.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueImport;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.TitleColumn;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Uploads;

/** A file of titles, all or nothing, as the HR import: the upload, its report row by row, and a template. */
@Controller
class LibraryAdminImportController {

    private final CatalogueImport importer;
    private final CatalogueService catalogueService;
    private final Catalogue catalogue;

    LibraryAdminImportController(CatalogueImport importer, CatalogueService catalogueService, Catalogue catalogue) {
        this.importer = importer;
        this.catalogueService = catalogueService;
        this.catalogue = catalogue;
    }

    @GetMapping("/library-admin/import")
    String form(Model model) {
        Viewer viewer = CurrentViewer.get();
        if (!catalogueService.mayCatalogue(viewer)) {
            throw new NotFoundException("catalogue");
        }
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("rooms", catalogueService.managedRooms(viewer));
        model.addAttribute("maxRows", CatalogueImport.MAX_ROWS);
        return "library/admin/import";
    }

    @PostMapping("/library-admin/import")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        CatalogueImport.Outcome outcome;
        try {
            outcome = importer.importFile(CurrentViewer.get(), Uploads.fileName(file), file.getBytes());
        } catch (DuplicateKeyException e) {
            // Someone catalogued one of the ISBNs while this file was being checked; nothing of it was kept.
            outcome = new CatalogueImport.Outcome(0, 0,
                    List.of(new CatalogueImport.Problem(0, null, "library.import.conflict", null)));
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/library-admin/import";
    }

    /** A CSV with the header row (UTF-8 with BOM so that Excel opens the Chinese headers correctly). */
    @GetMapping("/library-admin/import/template.csv")
    ResponseEntity<byte[]> template() {
        String header = Arrays.stream(TitleColumn.values()).map(TitleColumn::chinese).collect(Collectors.joining(","));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("titles-template.csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
