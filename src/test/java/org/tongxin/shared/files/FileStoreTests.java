package org.tongxin.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.tongxin.shared.crypto.FieldCipher;

class FileStoreTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n诊断证明 住院 35 天\n%%EOF".getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D};

    @TempDir
    Path dir;

    private FileStore store() throws IOException {
        return new FileStore(dir.toString(),
                new FieldCipher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    }

    private long filesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aPdfIsStoredSealedAndReadBackWithItsType() throws IOException {
        FileStore files = store();
        FileStore.StoredDocument stored = files.storeDocument("aid", PDF, 1000);
        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(stored.key()).startsWith("aid/").endsWith(".pdf.sealed");
        String onDisk = new String(Files.readAllBytes(dir.resolve(stored.key())), StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain("%PDF").doesNotContain("obj");
        FileStore.Document read = files.readDocument(stored.key()).orElseThrow();
        assertThat(read.content()).isEqualTo(PDF);
        assertThat(read.mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void photosAreDocumentsToo() throws IOException {
        FileStore files = store();
        FileStore.StoredDocument stored = files.storeDocument("aid", PNG, 1000);
        assertThat(stored.mediaType()).isEqualTo("image/png");
        assertThat(files.readDocument(stored.key()).orElseThrow().content()).isEqualTo(PNG);
        assertThat(files.documentType(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 10))
                .isEqualTo("image/jpeg");
    }

    @Test
    void typeComesFromTheBytesAndSizeIsLimited() throws IOException {
        FileStore files = store();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> files.storeDocument("aid", html, 1000)).isInstanceOf(FileStore.Refused.class)
                .hasMessage("file.notDocument");
        assertThatThrownBy(() -> files.storeDocument("aid", new byte[0], 1000)).hasMessage("file.empty");
        assertThatThrownBy(() -> files.storeDocument("aid", PDF, 10)).hasMessage("file.tooLarge");
        assertThat(filesOnDisk()).isZero();
    }

    @Test
    void anImageIsCheckedWithoutBeingStored() throws IOException {
        FileStore files = store();
        assertThat(files.imageType(PNG, 1000)).isEqualTo("image/png");
        assertThatThrownBy(() -> files.imageType(PDF, 1000)).hasMessage("file.notImage");
        assertThatThrownBy(() -> files.imageType(PNG, 5)).hasMessage("file.tooLarge");
        assertThat(filesOnDisk()).isZero();
    }

    @Test
    void onlyDocumentKeysAreRead() throws IOException {
        FileStore files = store();
        String image = files.storeImage("photos", PNG, 1000);
        assertThat(files.readDocument(image)).isEmpty();
        assertThat(files.readDocument("../etc/passwd")).isEmpty();
        assertThat(files.readDocument(null)).isEmpty();
        String document = files.storeDocument("aid", PNG, 1000).key();
        assertThat(files.readImage(document)).isEmpty();
    }

    @Test
    void aRolledBackTransactionLeavesNoFileAndACommittedOneKeepsIt() throws IOException {
        FileStore files = store();
        TransactionSynchronizationManager.initSynchronization();
        String dropped = files.storeDocument("aid", PDF, 1000).key();
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(dir.resolve(dropped)).doesNotExist();

        TransactionSynchronizationManager.initSynchronization();
        String droppedImage = files.storeImage("photos", PNG, 1000);
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(dir.resolve(droppedImage)).doesNotExist();

        TransactionSynchronizationManager.initSynchronization();
        String kept = files.storeDocument("aid", PDF, 1000).key();
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_COMMITTED);
        assertThat(files.readDocument(kept)).isPresent();
    }
}
