package org.tongxin.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few HTTP calls the channels make, with short time-outs, and the one rule for what an answer means: no answer
 * or a 5xx, 408 or 429 is worth trying again; another 4xx is not.
 */
final class JsonHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    JsonNode get(String url) throws DeliveryFailure {
        return json(call(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build()));
    }

    JsonNode post(String url, Object body) throws DeliveryFailure {
        return json(post(url, JSON.writeValueAsString(body), "application/json; charset=utf-8", Map.of()));
    }

    /** Posts a ready body; returns the answer's text. */
    String post(String url, String body, String contentType, Map<String, String> headers) throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return call(request.build());
    }

    private String call(HttpRequest request) throws DeliveryFailure {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", false);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean again = status >= 500 || status == 408 || status == 429;
            throw new DeliveryFailure("HTTP " + status, !again);
        }
        return response.body();
    }

    static JsonNode json(String text) throws DeliveryFailure {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new DeliveryFailure("not JSON: " + abbreviate(text, 80), false);
        }
    }

    /** At most {@code maxBytes} of UTF-8 (the platforms count bytes), cut at a character, with … when cut. */
    static String cutBytes(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        int budget = maxBytes - 3;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > budget) {
                break;
            }
            budget -= bytes;
            out.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    static String query(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
