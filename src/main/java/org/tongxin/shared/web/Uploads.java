package org.tongxin.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** The files a form's file input sent. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * The files chosen. A browser sends one nameless, empty part when none is chosen; that one is dropped,
     * while an empty file the person did choose is kept for the service to refuse.
     */
    public static List<MultipartFile> chosen(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(p -> !(p.isEmpty() && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
                .toList();
    }

    public static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
