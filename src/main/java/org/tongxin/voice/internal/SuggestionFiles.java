package org.tongxin.voice.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.files.PdfMetadata;
import org.tongxin.shared.files.Photos;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Pictures and PDFs sent with a suggestion. Everything is checked before anything is stored, and stored in the
 * submitting transaction, so a suggestion never has half its files. Nothing in a file may tell who sent it when the
 * suggestion is anonymous: pictures are re-encoded (no camera data, no location), a PDF loses its author, creator
 * and XMP fields, and the file's own name is never kept. Only those who may see the suggestion may open its files.
 */
@Service
public class SuggestionFiles {

    public static final int MAX_FILES = 5;
    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final String FOLDER = "suggestions";

    /** A file as checked, ready to store. */
    public sealed interface Prepared permits Picture, Pdf {
    }

    record Picture(Photos.Prepared photo) implements Prepared {
    }

    record Pdf(byte[] content) implements Prepared {
    }

    /** A stored file as pages list it. */
    public record Attached(long id, int position, String kind, long bytes) {

        public boolean picture() {
            return kind.equals("PICTURE");
        }
    }

    private static final RowMapper<Attached> MAPPER = (rs, i) -> new Attached(rs.getLong("id"), rs.getInt("position"),
            rs.getString("kind"), rs.getLong("bytes"));

    private final JdbcClient jdbc;
    private final FileStore files;
    private final Photos photos;
    private final SuggestionScheme scheme;

    SuggestionFiles(JdbcClient jdbc, FileStore files, Photos photos, SuggestionScheme scheme) {
        this.jdbc = jdbc;
        this.files = files;
        this.photos = photos;
        this.scheme = scheme;
    }

    /** Checks every upload (pictures and PDFs, told from their bytes) without storing any. */
    public List<Prepared> check(List<byte[]> uploads) {
        if (uploads.size() > MAX_FILES) {
            throw new Refusal("voice.error.file.tooMany");
        }
        List<Prepared> out = new ArrayList<>();
        for (byte[] upload : uploads) {
            String type = files.documentType(upload, MAX_BYTES);
            out.add(type.equals(FileStore.MediaKind.PDF.mediaType())
                    ? new Pdf(PdfMetadata.stripped(upload, "voice.error.file.unreadable"))
                    : new Picture(photos.prepare(upload)));
        }
        return out;
    }

    /** Submits the suggestion with its checked files, all in one transaction. */
    @Transactional
    public long submit(Viewer employee, SuggestionScheme.Draft draft, List<Prepared> prepared) {
        long id = scheme.submit(employee, draft);
        int position = 1;
        for (Prepared p : prepared) {
            switch (p) {
                case Picture picture -> {
                    Photos.Stored stored = photos.store(FOLDER, picture.photo());
                    insert(id, position, "PICTURE", stored.imageKey(), stored.thumbKey(),
                            picture.photo().image().jpeg().length);
                }
                case Pdf pdf -> {
                    FileStore.StoredDocument stored = files.storeDocument(FOLDER, pdf.content(), MAX_BYTES);
                    insert(id, position, "PDF", stored.key(), null, pdf.content().length);
                }
            }
            position++;
        }
        return id;
    }

    private void insert(long suggestionId, int position, String kind, String key, String thumb, long bytes) {
        jdbc.sql("""
                        INSERT INTO voice_suggestion_file (suggestion_id, position, kind, file_key, thumb_key, bytes)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(suggestionId, position, kind, key, thumb, bytes).update();
    }

    public List<Attached> of(long suggestionId) {
        return jdbc.sql("SELECT id, position, kind, bytes FROM voice_suggestion_file WHERE suggestion_id = ? ORDER BY position")
                .param(suggestionId).query(MAPPER).list();
    }

    /** A file's content for someone who may see the suggestion (404 otherwise); a picture's thumbnail when asked. */
    public FileStore.Document open(Viewer viewer, long suggestionId, long fileId, boolean thumbnail) {
        scheme.visible(viewer, suggestionId);
        record Keys(String kind, String file, String thumb) {
        }
        Keys keys = jdbc.sql("SELECT kind, file_key, thumb_key FROM voice_suggestion_file WHERE id = ? AND suggestion_id = ?")
                .params(fileId, suggestionId).query((rs, i) -> new Keys(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElseThrow(() -> new NotFoundException("file " + fileId));
        Optional<FileStore.Document> document = keys.kind().equals("PDF") ? files.readDocument(keys.file())
                : files.readImage(thumbnail ? keys.thumb() : keys.file())
                        .map(image -> new FileStore.Document(image.content(), image.mediaType()));
        return document.orElseThrow(() -> new NotFoundException("file " + fileId));
    }
}
