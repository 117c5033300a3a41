package org.tongxin.nodes;

import java.io.IOException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A person's browser as the nodes see it: one cookie jar kept by hand (so the very same session cookie is sent to
 * whichever node a request goes to, as behind a load balancer), the CSRF token from the page's
 * {@code <meta name="_csrf">}, redirects not followed so a test sees each 302.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern FLASH = Pattern.compile("id=\"flash\"[^>]*>([^<]*)<");
    /** An upload is given as long as an HR import of thousands of rows may take on a loaded machine. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private String csrf;

    String cookie(String name) {
        return cookies.get(name);
    }

    HttpResponse<String> get(Node node, String path) throws IOException, InterruptedException {
        return remember(HTTP.send(request(node, path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<byte[]> getBytes(Node node, String path) throws IOException, InterruptedException {
        return remember(HTTP.send(request(node, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** GETs a page (200 expected) and keeps its CSRF token for the next form. */
    String page(Node node, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(node, path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " on " + node.name + " answered " + r.statusCode());
        }
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r.body();
    }

    /** A form post with the CSRF token of the last page read. */
    HttpResponse<String> post(Node node, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = Stream.concat(fields.entrySet().stream(), Stream.of(Map.entry("_csrf", csrf)))
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return remember(HTTP.send(request(node, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A multipart upload of one file with the CSRF token, asking for JSON as the publicity editor's script does. */
    HttpResponse<String> uploadForJson(Node node, String path, String field, String fileName, String contentType,
                                       byte[] content) throws IOException, InterruptedException {
        return upload(node, path, field, fileName, contentType, content, "application/json");
    }

    /** A multipart upload of one file with the CSRF token, as a page's form sends it. */
    HttpResponse<String> uploadForm(Node node, String path, String field, String fileName, String contentType,
                                    byte[] content) throws IOException, InterruptedException {
        return upload(node, path, field, fileName, contentType, content, "text/html");
    }

    private HttpResponse<String> upload(Node node, String path, String field, String fileName, String contentType,
                                        byte[] content, String accept) throws IOException, InterruptedException {
        String boundary = "----tongxin-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return remember(HTTP.send(request(node, path).timeout(UPLOAD_TIMEOUT).header("Accept", accept)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.getBytes(StandardCharsets.UTF_8), content,
                        tail.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Real form log-in: the log-in page for the token, then the form; a redirect away from /login means signed in. */
    void logIn(Node node, String username, String password) throws IOException, InterruptedException {
        page(node, "/login");
        HttpResponse<String> r = post(node, "/login", Map.of("username", username, "password", password));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("log-in of " + username + " on " + node.name + " refused: "
                    + r.statusCode() + " " + location);
        }
    }

    /** The success message a page shows after a redirect (the flash), or null. */
    static String flash(String page) {
        Matcher m = FLASH.matcher(page);
        return m.find() ? m.group(1).trim() : null;
    }

    private HttpRequest.Builder request(Node node, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept-Language", "zh-CN");
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private <T> HttpResponse<T> remember(HttpResponse<T> r) {
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = pair.substring(eq + 1);
                if (value.isEmpty()) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
        }
        return r;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
