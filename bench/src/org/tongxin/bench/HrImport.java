package org.tongxin.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** One HR file through the app's upload form, as an officer does it: POST the file, follow the redirect to the result. */
final class HrImport {

    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(15);
    private static final Pattern RESULT_PATH = Pattern.compile("/org/import/\\d+");

    /**
     * @param seconds from the start of the POST to the result page received
     * @param page    the result page's HTML
     */
    record Result(double seconds, String page, Instant start, Instant end) {

        boolean imported() {
            return page.contains("id=\"import-ok\"");
        }
    }

    private HrImport() {
    }

    static Result upload(WebClient web, Path file) throws Exception {
        String name = file.getFileName().toString();
        String type = name.endsWith(".csv") ? "text/csv" : HrFiles.XLSX_TYPE;
        String csrf = web.csrfFrom("/org/import");
        byte[] content = Files.readAllBytes(file);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        HttpResponse<String> post = web.postFile("/org/import", csrf, "file", name, type, content, UPLOAD_TIMEOUT);
        WebClient.expect(post, 302, "POST /org/import");
        String resultPath = web.location(post);
        if (!RESULT_PATH.matcher(resultPath).matches()) {
            throw new IllegalStateException("upload of " + name + " redirected to " + resultPath);
        }
        HttpResponse<String> page = web.get(resultPath);
        WebClient.expect(page, 200, "GET " + resultPath);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(seconds, page.body(), start, Instant.now());
    }
}
