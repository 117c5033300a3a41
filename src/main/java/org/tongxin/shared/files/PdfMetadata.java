package org.tongxin.shared.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.tongxin.shared.web.Refusal;

/**
 * Strips what a PDF says about who wrote it (document information and XMP metadata) before it is kept as evidence
 * for an appeal or a suggestion, where the person may wish to stay unnamed.
 */
public final class PdfMetadata {

    private PdfMetadata() {
    }

    /**
     * The PDF without its author data; an encrypted file, or one PDFBox cannot read,
     * is refused with {@code unreadableKey}.
     */
    public static byte[] stripped(byte[] pdf, String unreadableKey) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) {
                throw new Refusal(unreadableKey);
            }
            doc.setDocumentInformation(new PDDocumentInformation());
            doc.getDocumentCatalog().setMetadata(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new Refusal(unreadableKey);
        }
    }
}
