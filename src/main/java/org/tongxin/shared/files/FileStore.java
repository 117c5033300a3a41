package org.tongxin.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.shared.web.Refusal;

/**
 * Uploaded files on the local disk (an object store can replace it behind the same two methods). The
 * content type is decided from the bytes, never from the name or the browser's claim, and no part of
 * an uploaded name reaches the file system: files are stored under a random key.
 */
@Component
public class FileStore {

    /** Image types we accept, told apart by their first bytes. */
    public enum ImageType {
        JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), WEBP("image/webp", "webp");

        private final String mediaType;
        private final String extension;

        ImageType(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        static Optional<ImageType> sniff(byte[] b) {
            if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
                return Optional.of(JPEG);
            }
            if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return Optional.of(PNG);
            }
            if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                    && b[10] == 'B' && b[11] == 'P') {
                return Optional.of(WEBP);
            }
            return Optional.empty();
        }

        static Optional<ImageType> ofKey(String key) {
            for (ImageType t : values()) {
                if (key.endsWith("." + t.extension)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** A file refused for a reason the uploader can fix; carries an i18n key. */
    public static class Refused extends Refusal {

        public Refused(String messageKey) {
            super(messageKey);
        }
    }

    /** A stored image read back. */
    public record Image(byte[] content, String mediaType) {
    }

    private static final Pattern KEY = Pattern.compile("[a-z]+/[0-9a-f-]{36}\\.(jpg|png|webp)");

    private final Path root;

    FileStore(@Value("${tongxin.files.dir:./data/files}") String dir) throws IOException {
        this.root = dir.isBlank() ? Files.createTempDirectory("tongxin-files") : Path.of(dir).toAbsolutePath().normalize();
    }

    /** Stores an image of at most {@code maxBytes} in {@code folder}; returns its key. */
    public String storeImage(String folder, byte[] content, int maxBytes) {
        if (content.length == 0) {
            throw new Refused("file.empty");
        }
        if (content.length > maxBytes) {
            throw new Refused("file.tooLarge");
        }
        ImageType type = ImageType.sniff(content).orElseThrow(() -> new Refused("file.notImage"));
        String key = folder + "/" + UUID.randomUUID() + "." + type.extension;
        try {
            Path target = root.resolve(key);
            Files.createDirectories(target.getParent());
            Files.write(target, content, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("storing " + key, e);
        }
        return key;
    }

    public Optional<Image> readImage(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            Path file = root.resolve(key);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(new Image(Files.readAllBytes(file), ImageType.ofKey(key).orElseThrow().mediaType()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
    }
}
