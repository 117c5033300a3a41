package org.tongxin.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser-like session against the app: a cookie jar, the CSRF token every page carries in its
 * {@code <meta name="_csrf">}, and redirects followed by hand so that a scenario sees each 302.
 */
final class WebClient implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;

    WebClient(String baseUrl) {
        this.base = URI.create(baseUrl);
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Requests sent again because the connection could not be opened (see {@link #send}). */
    int connectRetries;

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(PAGE_TIMEOUT).GET().build());
    }

    /** GET a download (an .xlsx), kept as bytes. */
    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(PAGE_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Sends, again (at most twice more) when the connection could not be opened: on this shared machine the JDK
     * client now and then fails a fresh loopback connection at once ({@code ConnectException} caused by
     * {@code ClosedChannelException} in {@code PlainHttpConnection.connectAsync}) although the server is up. A
     * request that never connected was never received, so sending it again is safe.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                if (attempt == 3) {
                    throw e;
                }
                connectRetries++;
                Bench.progress("could not connect (" + e.getCause() + "), sending " + request.uri() + " again");
            }
        }
    }

    /** GET a page that must answer 200 and return its CSRF token. */
    String csrfFrom(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = get(path);
        expect(page, 200, "GET " + path);
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return m.group(1);
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return postForm(path, List.copyOf(fields.entrySet()));
    }

    /** A form whose fields may repeat a name (a list of rows, each posting the same names). */
    HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        String body = fields.stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(PAGE_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A multipart form with the CSRF field and one file, as the browser's upload form sends it. */
    HttpResponse<String> postFile(String path, String csrf, String field, String fileName, String contentType,
                                  byte[] content, Duration timeout) throws IOException, InterruptedException {
        String boundary = "----tongxin-bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.getBytes(StandardCharsets.UTF_8), content,
                        tail.getBytes(StandardCharsets.UTF_8))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Where a 302 points, as a path on this server. */
    String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location on " + response.statusCode()));
        URI target = base.resolve(location);
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    void logIn(String username, String password) throws IOException, InterruptedException {
        String csrf = csrfFrom("/login");
        HttpResponse<String> login = postForm("/login", Map.of("username", username, "password", password,
                "_csrf", csrf));
        expect(login, 302, "POST /login");
        if (location(login).startsWith("/login")) {
            throw new IllegalStateException("log-in refused for " + username + ": " + location(login));
        }
    }

    static void expect(HttpResponse<?> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + " instead of " + status);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
