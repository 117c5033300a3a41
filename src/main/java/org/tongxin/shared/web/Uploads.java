package org.tongxin.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
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

    /**
     * The name the person's device gave the file, as safe to show and store: the last path segment only, without
     * control characters (PostgreSQL refuses a NUL in text and breaks the transaction), at most 200 characters.
     */
    public static String fileName(MultipartFile part) {
        String name = part.getOriginalFilename();
        if (name == null) {
            return "";
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    public static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spools an upload to a temporary file (large videos are not held in memory), hands it on, then removes it. */
    public static void spooled(MultipartFile file, Consumer<Path> use) {
        if (file == null || file.isEmpty()) {
            throw new Refusal("file.empty");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("tongxin", ".upload");
            file.transferTo(tmp);
            use.accept(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("spooling an upload", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    tmp.toFile().deleteOnExit();
                }
            }
        }
    }
}
