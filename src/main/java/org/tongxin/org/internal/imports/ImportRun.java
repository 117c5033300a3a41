package org.tongxin.org.internal.imports;

import java.time.OffsetDateTime;
import java.util.List;

/** One attempt to import an HR file, kept with its error report. */
public record ImportRun(long id, long actorId, String fileName, String status, int totalRows, int createdRows,
                        int updatedRows, List<RowError> errors, OffsetDateTime createdAt) {

    public boolean imported() {
        return "IMPORTED".equals(status);
    }

    public int unchangedRows() {
        return imported() ? totalRows - createdRows - updatedRows : 0;
    }

    /** Lines of the file with at least one error. */
    public long badRows() {
        return errors.stream().mapToInt(RowError::line).filter(l -> l > 0).distinct().count();
    }
}
