package org.tongxin.rights.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.files.PdfMetadata;
import org.tongxin.shared.files.Photos;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Pictures and PDFs sent with an appeal, the way suggestions keep theirs: everything is checked before anything is
 * stored, and stored in the raising transaction, so an appeal never has half its files. Nothing in a file may tell who
 * sent it when the appeal is confidential or anonymous: pictures are re-encoded (no camera data, no location), a PDF
 * loses its author, creator and XMP fields, and the file's own name is never kept (pages say 附件 1, 2 …). Every file
 * is sealed with the personal-data key on disk. The appellant opens them from their page, the officers of the
 * appeal's route from theirs (each opening audited); anyone else gets not found.
 */
@Service
public class AppealFiles {

    public static final int MAX_FILES = 5;
    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final String FOLDER = "rights";
    private static final String JPEG = "image/jpeg";
    private static final String PDF = "application/pdf";

    /** A file as checked, ready to store: a re-encoded picture or a PDF without its author fields. */
    public record Prepared(byte[] content, String mediaType) {
    }

    /** A stored file as pages list it. */
    public record Attached(long id, int position, String mediaType, long bytes) {

        public boolean picture() {
            return !mediaType.equals(PDF);
        }
    }

    private final JdbcClient jdbc;
    private final FileStore files;
    private final Photos photos;
    private final Appeals appeals;
    private final AuditTrail audit;

    AppealFiles(JdbcClient jdbc, FileStore files, Photos photos, Appeals appeals, AuditTrail audit) {
        this.jdbc = jdbc;
        this.files = files;
        this.photos = photos;
        this.appeals = appeals;
        this.audit = audit;
    }

    /** Checks every upload (pictures and PDFs, told from their bytes) without storing any. */
    public List<Prepared> check(List<byte[]> uploads) {
        if (uploads.size() > MAX_FILES) {
            throw new Refusal("rights.error.fileTooMany");
        }
        List<Prepared> out = new ArrayList<>();
        for (byte[] upload : uploads) {
            String type = files.documentType(upload, MAX_BYTES);
            out.add(type.equals(PDF) ? new Prepared(PdfMetadata.stripped(upload, "rights.error.fileUnreadable"), PDF)
                    : new Prepared(photos.prepare(upload).image().jpeg(), JPEG));
        }
        return out;
    }

    /** Raises the appeal with its checked files, all in one transaction (a stored file is removed on rollback). */
    @Transactional
    public long raise(Viewer employee, Appeals.Raise form, List<Prepared> prepared) {
        if (prepared.size() > MAX_FILES) {
            throw new Refusal("rights.error.fileTooMany");
        }
        long id = appeals.raise(employee, form);
        int position = 1;
        for (Prepared p : prepared) {
            FileStore.StoredDocument stored = files.storeDocument(FOLDER, p.content(), MAX_BYTES);
            jdbc.sql("""
                            INSERT INTO rights_appeal_file (appeal_id, file_key, name, content_type, size)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(id, stored.key(), position + (p.mediaType().equals(PDF) ? ".pdf" : ".jpg"),
                            stored.mediaType(), p.content().length)
                    .update();
            position++;
        }
        return id;
    }

    /** The files of an appeal in the order they were sent (for pages that have already checked the viewer). */
    public List<Attached> of(long appealId) {
        return jdbc.sql("SELECT id, content_type, size FROM rights_appeal_file WHERE appeal_id = ? ORDER BY id")
                .param(appealId)
                .query((rs, i) -> new Attached(rs.getLong(1), i + 1, rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** A file of the appellant's own appeal (not found for anyone else). */
    public FileStore.Document openOwn(Viewer employee, long appealId, long fileId) {
        Appeal a = appeals.find(appealId).orElseThrow(() -> new NotFoundException("appeal " + appealId));
        if (employee.employeeId() == null || employee.employeeId() != a.employeeId()) {
            throw new NotFoundException("appeal " + appealId);
        }
        return read(appealId, fileId);
    }

    /** A file of an appeal for an officer of a unit on its route (not found otherwise); the opening is audited. */
    public FileStore.Document openAsOfficer(Viewer officer, long appealId, long fileId) {
        Appeal a = appeals.find(appealId).orElseThrow(() -> new NotFoundException("appeal " + appealId));
        if (!appeals.onRoute(officer, a)) {
            throw new NotFoundException("appeal " + appealId);
        }
        FileStore.Document document = read(appealId, fileId);
        audit.record(officer, "rights.appeal.file", "rights_appeal", a.id(), a.routeUnitId(), "#" + a.id(),
                Map.of(), Map.of("file", fileId));
        return document;
    }

    private FileStore.Document read(long appealId, long fileId) {
        String key = jdbc.sql("SELECT file_key FROM rights_appeal_file WHERE id = ? AND appeal_id = ?")
                .params(fileId, appealId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("file " + fileId));
        return files.readDocument(key).orElseThrow(() -> new NotFoundException("file " + fileId));
    }
}
