package org.tongxin.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Many signed-in people over one JDK {@code HttpClient} (HTTP/1.1, its own pool of keep-alive connections to
 * 127.0.0.1): each {@link Session} is a {@code JSESSIONID} cookie and the CSRF token of its session, sent by hand,
 * so thousands of sessions need neither a client nor a cookie jar each. Redirects are not followed: a form POST is
 * timed from sending it to its 302.
 */
final class Crowd implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One signed-in person: employee number, session cookie, the session's CSRF token. */
    record Session(String login, String cookie, String csrf) {
    }

    /**
     * One request as the client saw it: {@code System.nanoTime()} just before sending and when the answer was in,
     * its status and where a 302 pointed (null otherwise).
     */
    record Reply(long sentNanos, long receivedNanos, int status, String location) {

        double ms() {
            return (receivedNanos - sentNanos) / 1e6;
        }
    }

    private final HttpClient http;
    private final URI base;
    /** Requests sent again because their connection could not be opened (see {@link WebClient}). */
    final AtomicInteger connectRetries = new AtomicInteger();

    Crowd(String baseUrl) {
        this.base = URI.create(baseUrl);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** GET /login, POST /login, then GET {@code csrfPage} for the signed-in session's CSRF token. */
    Session logIn(String login, String password, String csrfPage) throws IOException, InterruptedException {
        HttpResponse<String> form = send(get("/login", null));
        WebClient.expect(form, 200, "GET /login");
        String cookie = sessionCookie(form.headers(), null);
        HttpResponse<String> posted = send(post("/login", cookie, "username=" + enc(login) + "&password=" + enc(password)
                + "&_csrf=" + enc(csrf(form.body(), "/login"))));
        WebClient.expect(posted, 302, "POST /login");
        String target = posted.headers().firstValue("Location").orElse("");
        if (target.contains("/login")) {
            throw new IllegalStateException("log-in refused for " + login + ": " + target);
        }
        // Spring Security gives the session a new id at log-in.
        cookie = sessionCookie(posted.headers(), cookie);
        HttpResponse<String> page = send(get(csrfPage, cookie));
        WebClient.expect(page, 200, "GET " + csrfPage + " as " + login);
        return new Session(login, cookie, csrf(page.body(), csrfPage));
    }

    /** A form POST with only the CSRF field, timed from sending to the answer. */
    Reply press(Session s, String path) throws IOException, InterruptedException {
        return press(s, path, "");
    }

    /** A form POST with the CSRF field and {@code fields} ({@code name=value} pairs, URL-encoded, joined by {@code &}). */
    Reply press(Session s, String path, String fields) throws IOException, InterruptedException {
        HttpRequest request = post(path, s.cookie(), "_csrf=" + enc(s.csrf()) + (fields.isEmpty() ? "" : "&" + fields));
        long t0 = System.nanoTime();
        HttpResponse<Void> r = sendDiscarding(request);
        long t1 = System.nanoTime();
        return new Reply(t0, t1, r.statusCode(), r.headers().firstValue("Location").map(this::path).orElse(null));
    }

    /** The same as {@link #press} sent without waiting, for a second press before the first one's answer. */
    CompletableFuture<Reply> pressAsync(Session s, String path) {
        HttpRequest request = post(path, s.cookie(), "_csrf=" + enc(s.csrf()));
        long t0 = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> new Reply(t0,
                System.nanoTime(), r.statusCode(), r.headers().firstValue("Location").map(this::path).orElse(null)));
    }

    /**
     * A form POST with the session's CSRF token (in the header, as the pages' scripts send it) and the fields given
     * (a name may repeat), timed from sending to the answer; {@code json} asks for JSON as a script does.
     */
    Reply post(Session s, String path, List<Map.Entry<String, String>> fields, boolean json)
            throws IOException, InterruptedException {
        HttpRequest request = formPost(s, path, fields, json);
        long t0 = System.nanoTime();
        HttpResponse<Void> r = sendDiscarding(request);
        long t1 = System.nanoTime();
        return new Reply(t0, t1, r.statusCode(), r.headers().firstValue("Location").map(this::path).orElse(null));
    }

    /** The same as {@link #post} sent without waiting, for a second press before the first one's answer. */
    CompletableFuture<Reply> postAsync(Session s, String path, List<Map.Entry<String, String>> fields) {
        HttpRequest request = formPost(s, path, fields, false);
        long t0 = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> new Reply(t0,
                System.nanoTime(), r.statusCode(), r.headers().firstValue("Location").map(this::path).orElse(null)));
    }

    private HttpRequest formPost(Session s, String path, List<Map.Entry<String, String>> fields, boolean json) {
        String body = fields.stream().map(f -> enc(f.getKey()) + "=" + enc(f.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + s.cookie())
                .header("X-CSRF-TOKEN", s.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (json) {
            b.header("Accept", "application/json");
        }
        return b.build();
    }

    /** A page of the session's as timed, with its body (the caller checks the status). */
    record Page(Reply reply, String body) {
    }

    Page timedPage(Session s, String path) throws IOException, InterruptedException {
        HttpRequest request = get(path, s.cookie());
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(request);
        long t1 = System.nanoTime();
        return new Page(new Reply(t0, t1, r.statusCode(), null), r.body());
    }

    /** A page of the session's, 200 expected. */
    String page(Session s, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send(get(path, s.cookie()));
        WebClient.expect(r, 200, "GET " + path + " as " + s.login());
        return r.body();
    }

    /**
     * Opens about {@code connections} keep-alive connections (that many health probes at once), so that a burst
     * that follows does not start by opening them all against the server's accept queue.
     */
    void warmConnections(int connections) throws Exception {
        forEach(connections, connections, i -> {
            HttpResponse<String> r = send(get("/actuator/health/readiness", null));
            WebClient.expect(r, 200, "GET /actuator/health/readiness");
            return null;
        });
    }

    /** Something done for each index, at most {@code inFlight} at a time, on virtual threads; the results in order. */
    interface Task<T> {
        T run(int i) throws Exception;
    }

    static <T> List<T> forEach(int count, int inFlight, Task<T> task) throws Exception {
        Semaphore permits = new Semaphore(inFlight);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new java.util.ArrayList<>(count);
            IntFunction<java.util.concurrent.Callable<T>> call = i -> () -> {
                permits.acquire();
                try {
                    return task.run(i);
                } finally {
                    permits.release();
                }
            };
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call.apply(i)));
            }
            List<T> out = new java.util.ArrayList<>(count);
            for (Future<T> f : futures) {
                out.add(await(f, Duration.ofMinutes(10)));
            }
            return out;
        }
    }

    static <T> T await(Future<T> f, Duration timeout) throws Exception {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        }
    }

    private HttpRequest get(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
        if (cookie != null) {
            b.header("Cookie", "JSESSIONID=" + cookie);
        }
        return b.build();
    }

    private HttpRequest post(String path, String cookie, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", "JSESSIONID=" + cookie);
        }
        return b.build();
    }

    /** Sends, again (at most twice more) when the connection could not be opened: never received, so safe. */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                if (attempt == 3) {
                    throw e;
                }
                connectRetries.incrementAndGet();
            }
        }
    }

    private HttpResponse<Void> sendDiscarding(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (ConnectException e) {
                if (attempt == 3) {
                    throw e;
                }
                connectRetries.incrementAndGet();
            }
        }
    }

    private static String sessionCookie(HttpHeaders headers, String current) {
        for (String c : headers.allValues("Set-Cookie")) {
            if (c.startsWith("JSESSIONID=")) {
                int end = c.indexOf(';');
                return c.substring("JSESSIONID=".length(), end < 0 ? c.length() : end);
            }
        }
        if (current == null) {
            throw new IllegalStateException("no session cookie");
        }
        return current;
    }

    private static String csrf(String body, String path) {
        Matcher m = CSRF.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return m.group(1);
    }

    private String path(String location) {
        URI target = base.resolve(location);
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
