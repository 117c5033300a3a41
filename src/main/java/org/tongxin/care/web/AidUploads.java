package org.tongxin.care.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.care.internal.AidService;

/** Evidence files from a form. */
final class AidUploads {

    private AidUploads() {
    }

    /**
     * The files chosen. A browser sends one nameless, empty part when none is chosen; that one is dropped,
     * while an empty file the person did choose is kept for the service to refuse.
     */
    static List<AidService.Upload> of(List<MultipartFile> parts) {
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
