package org.tongxin.shared.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.web.Refusal;

/**
 * Uploaded files on the local disk (an object store can replace it behind the same methods). The
 * content type is decided from the bytes, never from the name or the browser's claim, and no part of
 * an uploaded name reaches the file system: files are stored under a random key. Documents (evidence,
 * certificates) are personal, so they are sealed with the personal-data key before they touch the disk.
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

    /** A document as stored: its key and the media type told from its bytes. */
    public record StoredDocument(String key, String mediaType) {
    }

    /** A stored document read back, unsealed. */
    public record Document(byte[] content, String mediaType) {
    }

    /**
     * Course material kept as uploaded, neither personal nor sealed, so it can be served in byte ranges (a phone
     * seeks in a video by asking for a range): a PDF ({@code %PDF-}) or an MP4 video ({@code ftyp} box first).
     */
    public enum MediaKind {
        PDF("application/pdf", "pdf", "file.notPdf"), MP4("video/mp4", "mp4", "file.notMp4");

        private final String mediaType;
        private final String extension;
        private final String refusal;

        MediaKind(String mediaType, String extension, String refusal) {
            this.mediaType = mediaType;
            this.extension = extension;
            this.refusal = refusal;
        }

        public String mediaType() {
            return mediaType;
        }

        /** Whether the first bytes of a file are this kind's. */
        public boolean matches(byte[] head) {
            return switch (this) {
                case PDF -> head.length > 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F'
                        && head[4] == '-';
                case MP4 -> head.length > 11 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
            };
        }

        static Optional<MediaKind> ofKey(String key) {
            for (MediaKind k : values()) {
                if (key.endsWith("." + k.extension)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** A stored media file: where it lies on disk (to stream it or hand it to a tool), its type and size. */
    public record Media(Path file, String mediaType, long size) {
    }

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern KEY = Pattern.compile("[a-z]+/[0-9a-f-]{36}\\.(jpg|png|webp)");
    private static final Pattern MEDIA_KEY = Pattern.compile("[a-z]+/[0-9a-f-]{36}\\.(pdf|mp4)");
    private static final Pattern DOCUMENT_KEY = Pattern.compile("[a-z]+/[0-9a-f-]{36}\\.(jpg|png|webp|pdf)\\.sealed");
    /** Pieces of a stream (live video playlists and segments), named by the caller under a numbered folder. */
    private static final Pattern PIECE_KEY = Pattern.compile("[a-z]+/[0-9]+/[0-9a-z-]{1,60}\\.(m3u8|ts|m4s|mp4)");
    private static final String PDF = "application/pdf";
    private static final String SEALED = ".sealed";

    private final Path root;
    private final FieldCipher cipher;

    FileStore(@Value("${tongxin.files.dir:./data/files}") String dir, FieldCipher cipher) throws IOException {
        this.root = dir.isBlank() ? Files.createTempDirectory("tongxin-files") : Path.of(dir).toAbsolutePath().normalize();
        this.cipher = cipher;
    }

    /**
     * Stores an image of at most {@code maxBytes} in {@code folder}; returns its key. Inside a transaction the
     * file is deleted again if the transaction rolls back.
     */
    public String storeImage(String folder, byte[] content, int maxBytes) {
        ImageType type = ImageType.sniff(checkedImage(content, maxBytes)).orElseThrow();
        String key = folder + "/" + UUID.randomUUID() + "." + type.extension;
        write(key, content);
        deleteOnRollback(key);
        return key;
    }

    /**
     * The media type of an image of at most {@code maxBytes} (JPEG, PNG or WebP, told from its bytes); lets a
     * caller check every image of a form before storing any.
     */
    public String imageType(byte[] content, int maxBytes) {
        return ImageType.sniff(checkedImage(content, maxBytes)).orElseThrow().mediaType();
    }

    private static byte[] checkedImage(byte[] content, int maxBytes) {
        checkSize(content, maxBytes);
        ImageType.sniff(content).orElseThrow(() -> new Refused("file.notImage"));
        return content;
    }

    private static void checkSize(byte[] content, int maxBytes) {
        if (content.length == 0) {
            throw new Refused("file.empty");
        }
        if (content.length > maxBytes) {
            throw new Refused("file.tooLarge");
        }
    }

    private void write(String key, byte[] content) {
        try {
            Path target = root.resolve(key);
            Files.createDirectories(target.getParent());
            Files.write(target, content, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("storing " + key, e);
        }
    }

    /**
     * The media type of a document of at most {@code maxBytes}: a JPEG, PNG or WebP photo, or a PDF (its
     * first bytes are {@code %PDF-}). Lets a caller check every file of a form before storing any.
     */
    public String documentType(byte[] content, int maxBytes) {
        checkSize(content, maxBytes);
        if (content.length > 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F'
                && content[4] == '-') {
            return PDF;
        }
        return ImageType.sniff(content).map(ImageType::mediaType).orElseThrow(() -> new Refused("file.notDocument"));
    }

    /**
     * Seals and stores a document (see {@link #documentType}) in {@code folder}. Inside a transaction the
     * file is deleted again if the transaction rolls back, so a failed save leaves no file behind.
     */
    public StoredDocument storeDocument(String folder, byte[] content, int maxBytes) {
        String mediaType = documentType(content, maxBytes);
        String extension = mediaType.equals(PDF) ? "pdf" : ImageType.sniff(content).orElseThrow().extension;
        String key = folder + "/" + UUID.randomUUID() + "." + extension + SEALED;
        write(key, cipher.seal(content));
        deleteOnRollback(key);
        return new StoredDocument(key, mediaType);
    }

    /**
     * Checks that {@code source} (an upload spooled to disk) is a {@code kind} file of at most {@code maxBytes}, told
     * from its first bytes, without storing it.
     */
    public void checkMedia(Path source, MediaKind kind, long maxBytes) {
        try {
            long size = Files.size(source);
            if (size == 0) {
                throw new Refused("file.empty");
            }
            if (size > maxBytes) {
                throw new Refused("file.tooLarge");
            }
            byte[] head = new byte[16];
            int read;
            try (InputStream in = Files.newInputStream(source)) {
                read = in.readNBytes(head, 0, head.length);
            }
            if (!kind.matches(Arrays.copyOf(head, read))) {
                throw new Refused(kind.refusal);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading an upload", e);
        }
    }

    /**
     * Stores a {@code kind} file of at most {@code maxBytes} (see {@link #checkMedia}) in {@code folder} by copying
     * {@code source}; returns its key. Inside a transaction the file is deleted again if the transaction rolls back.
     */
    public String storeMedia(String folder, Path source, MediaKind kind, long maxBytes) {
        checkMedia(source, kind, maxBytes);
        String key = folder + "/" + UUID.randomUUID() + "." + kind.extension;
        try {
            Path target = root.resolve(key);
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException("storing " + key, e);
        }
        deleteOnRollback(key);
        return key;
    }

    /**
     * Writes a piece of a stream under {@code key} (shape {@code live/12/345.ts}: the caller chooses the name, never the
     * sender), replacing an earlier one atomically so a reader never sees half a file. Refuses, writing nothing,
     * beyond {@code maxBytes}. Returns the size written.
     */
    public long writePiece(String key, InputStream in, long maxBytes) {
        if (!PIECE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a piece key: " + key);
        }
        Path target = root.resolve(key);
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), ".piece", ".part");
            long size;
            try (OutputStream out = Files.newOutputStream(partial)) {
                size = in.transferTo(new FilterOutputStream(out) {
                    private long written;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[]{(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        written += len;
                        if (written > maxBytes) {
                            throw new Refused("file.tooLarge");
                        }
                        out.write(b, off, len);
                    }
                });
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("storing " + key, e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    log.warn("Could not remove {}", partial, e);
                }
            }
        }
    }

    /** The directory every key lives under; a backup copies it whole. */
    public Path root() {
        return root;
    }

    /** The file of a stream piece, when there is one. */
    public Optional<Path> piece(String key) {
        if (key == null || !PIECE_KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Removes every piece of a numbered folder ({@code live/12}), e.g. when a replay's retention ends. */
    public void deletePieces(String folder) {
        if (!folder.matches("[a-z]+/[0-9]+")) {
            throw new IllegalArgumentException("not a piece folder: " + folder);
        }
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + folder, e);
        }
    }

    /** The media file stored under {@code key}; empty for a key that is not a media file's or a missing file. */
    public Optional<Media> media(String key) {
        if (key == null || !MEDIA_KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(key);
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(new Media(file, MediaKind.ofKey(key).orElseThrow().mediaType(), Files.size(file)))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
    }

    /** So that a failed save leaves no file behind (only a crash in between can). */
    private void deleteOnRollback(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        delete(key);
                    }
                }
            });
        }
    }

    /** The document stored under {@code key}, unsealed; empty for a key that is not a document's. */
    public Optional<Document> readDocument(String key) {
        return read(key, DOCUMENT_KEY).map(sealed -> {
            String unsealed = key.substring(0, key.length() - SEALED.length());
            String mediaType = unsealed.endsWith(".pdf") ? PDF : ImageType.ofKey(unsealed).orElseThrow().mediaType();
            return new Document(cipher.open(sealed), mediaType);
        });
    }

    /** Best effort: runs after a rollback, where nothing can be undone any more; a file left is unreferenced. */
    private void delete(String key) {
        try {
            Files.deleteIfExists(root.resolve(key));
        } catch (IOException e) {
            log.warn("Could not delete {} after a rollback", key, e);
        }
    }

    public Optional<Image> readImage(String key) {
        return read(key, KEY).map(content -> new Image(content, ImageType.ofKey(key).orElseThrow().mediaType()));
    }

    /** The bytes under {@code key} when it has the shape of keys this store hands out, so no other path is read. */
    private Optional<byte[]> read(String key, Pattern shape) {
        if (key == null || !shape.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            Path file = root.resolve(key);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
    }
}
