package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.support.Pictures;

/**
 * Throws a corpus of hostile and malformed input at every endpoint the application maps: every POST, PUT, PATCH and
 * DELETE handler and every GET handler that takes request parameters, found in Spring's handler mappings so a new
 * endpoint is covered without touching this test. Each handler's parameters are filled from its signature; one
 * request per endpoint and payload puts the payload in every field of the payload's kind (the other fields get valid
 * values, so the handler is reached), plus one request with the payload in every field whatever its type.
 * <p>
 * Never a server error; every refusal a page, flash message or script's JSON message in the person's language; nothing written by a refused
 * request; and, after the corpus, no payload's script, event handler or javascript: link on any page that shows the
 * stored values.
 * <p>
 * Every request commits for real, as in production: the endpoints' own threads and transactions (asynchronous
 * listeners, {@code REQUIRES_NEW} audit and log-in records, the HR import) run as they do for people. So the class
 * has a Spring context of its own — the inline property below makes a distinct cached context, hence its own
 * throw-away embedded PostgreSQL with the demo loaded — closed after the class, and no other test reads what the
 * corpus leaves behind. "Nothing written by a refused request" is counted by a trigger this test installs on every
 * table of that database, each written row one row in {@code corpus_write}: rolled-back writes leave none.
 */
@TestPropertySource(properties = {"tongxin.test.database=hostile-input-corpus",
        // Boot keeps every request's printout to show on failure: thousands of them, some 100 KB, fill the heap.
        "spring.test.mockmvc.print=none"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileInputTests extends IntegrationTestSupport {

    /** Marks every payload, so a stored one is found on any page. */
    static final String MARK = "tx9hostile";

    /**
     * Endpoints (method and path prefix) not thrown the corpus, each with its reason. Keep it short.
     */
    static final Map<String, String> ALLOWED = Map.of(
            "POST /password", "a changed password ends the session the corpus runs in; its rules have their own tests",
            "PUT /live/ingest/", "the encoder's HLS ingest takes raw segment bytes, not a form, and answers only "
                    + "its stream key",
            "POST /live/ingest/", "the same ingest as PUT",
            "DELETE /live/ingest/", "the same ingest, removing a segment");

    enum Kind { TEXT, NUMBER, DATE, EVERYWHERE }

    record Payload(String name, Kind kind, String value) {
    }

    static final List<Payload> PAYLOADS = List.of(
            new Payload("script", Kind.TEXT, "<script>alert('" + MARK + "')</script>"),
            new Payload("attribute", Kind.TEXT, "\"><img src=x onerror=alert('" + MARK + "')>"),
            new Payload("javascript-url", Kind.TEXT, "javascript:alert('" + MARK + "')"),
            new Payload("sql", Kind.TEXT, "' OR 1=1 --;DROP TABLE account;-- " + MARK),
            new Payload("100KB", Kind.TEXT, "长".repeat(34_000) + MARK),
            new Payload("emoji-rare-cjk", Kind.TEXT, "👩🏽‍🔧🀄𠀀𪚥 " + MARK),
            new Payload("rtl-zero-width", Kind.TEXT, "\u202Egpj.exe\u202C\u200B\u200D\uFEFF\u0301" + MARK),
            new Payload("invalid-date", Kind.DATE, "2026-02-30"),
            new Payload("far-future", Kind.DATE, "9999-12-31"),
            new Payload("far-past", Kind.DATE, "0001-01-01"),
            new Payload("negative", Kind.NUMBER, "-1"),
            new Payload("huge", Kind.NUMBER, "99999999999999999999"),
            new Payload("nan", Kind.NUMBER, "NaN"),
            new Payload("mismatch", Kind.EVERYWHERE, "<script>alert('" + MARK + "')</script>"));

    /**
     * An employee gets these at every endpoint: most are refused by role, the rest must hold as for officers. The
     * script in every field and the longest text; the other payloads reach the same handlers as officers.
     */
    static final Set<String> EMPLOYEE_PAYLOADS = Set.of("100KB", "mismatch");

    /** A GET only reads: the payloads that could break a query or its page. */
    static final Set<String> GET_PAYLOADS = Set.of("script", "100KB", "invalid-date", "huge", "mismatch");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MessageSource messages;
    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;

    final List<String> failures = new ArrayList<>();
    final Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
    final Map<String, List<Long>> tables = new HashMap<>();
    Set<String> tableNames;
    final Set<String> stuck = new HashSet<>();
    int leaked;
    long corpusSeconds;
    int requests;
    final Map<String, Integer> outcomes = new TreeMap<>();

    @Test
    void everyEndpointWithstandsTheCorpus() throws Exception {
        for (String user : List.of("admin", "100023", "100066", "100090")) {
            MvcResult login = mvc.perform(formLogin().user(user).password("Tongxin@2026")).andReturn();
            assertThat(login.getResponse().getRedirectedUrl()).as("log-in of %s", user).isEqualTo("/");
            MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
            passwordAlreadyChanged(session);
            sessions.put(user, session);
        }
        tableNames = new TreeSet<>(jdbc.sql("SELECT table_name FROM information_schema.columns WHERE table_schema = "
                + "current_schema() AND column_name = 'id'").query(String.class).list());

        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("endpoints found in the handler mappings").hasSizeGreaterThan(150);

        countWrites();
        quiet("the demo's start-up");
        long started = System.nanoTime();
        try {
            for (Endpoint e : endpoints) {
                try {
                    corpus(e);
                    if (e.multipart()) {
                        uploads(e);
                    }
                } catch (Exception | AssertionError broken) {
                    failures.add("corpus could not run at " + e.key() + ": " + broken);
                }
            }
            corpusSeconds = (System.nanoTime() - started) / 1_000_000_000;
            storedScriptNowhere(endpoints);
        } finally {
            List<String> report = new ArrayList<>(failures);
            report.add(requests + " requests in " + corpusSeconds + " s, then the pages read in "
                    + ((System.nanoTime() - started) / 1_000_000_000 - corpusSeconds) + " s");
            outcomes.forEach((k, v) -> report.add("outcome " + k + ": " + v));
            java.nio.file.Files.write(java.nio.file.Path.of("target/hostile-input.txt"), report);
        }
        assertThat(failures).as("%d requests; what broke", requests).isEmpty();
        assertThat(lastWrite()).as("rows the accepted requests wrote, counted by the triggers").isGreaterThan(100);
    }

    /**
     * The demo log-ins still carry their first password, which sends every page to the change form; the corpus
     * reaches the pages as a person who has changed it, without changing the demo's accounts for the other tests.
     */
    private static void passwordAlreadyChanged(MockHttpSession session) {
        SecurityContext context = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication signedIn = context.getAuthentication();
        Viewer v = (Viewer) signedIn.getPrincipal();
        Viewer changed = new Viewer(v.accountId(), v.employeeId(), v.displayName(), v.roles(), v.officerUnits(),
                v.careUnits(), false);
        SecurityContext replaced = SecurityContextHolder.createEmptyContext();
        replaced.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null,
                signedIn.getAuthorities()));
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, replaced);
    }

    // ---------------------------------------------------------------------------------------------------------- corpus

    private void corpus(Endpoint e) throws Exception {
        String privileged = e.path().startsWith("/admin/") && !e.path().startsWith("/admin/audit") ? "admin"
                : e.path().startsWith("/care/") ? "100066" : "100023";
        boolean landedNowhere = false;
        for (int i = 0; i < PAYLOADS.size(); i++) {
            Payload p = PAYLOADS.get(i);
            if (e.method() == HttpMethod.GET && !GET_PAYLOADS.contains(p.name())) {
                continue;
            }
            // A payload that fits none of the endpoint's fields makes the same request as the last such payload.
            boolean lands = e.body() || e.fields().stream().anyMatch(f -> !f.file() && !value(f, p).equals(value(f, null)));
            if (!lands && landedNowhere) {
                continue;
            }
            landedNowhere |= !lands;
            Locale locale = i % 2 == 0 ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            send(e, privileged, p, locale, null);
            if (EMPLOYEE_PAYLOADS.contains(p.name())) {
                send(e, "100090", p, locale, null);
            }
        }
    }

    private void uploads(Endpoint e) throws Exception {
        String privileged = e.path().startsWith("/care/") ? "100066" : "100023";
        Payload text = PAYLOADS.getFirst();
        for (MockMultipartFile file : hostileFiles()) {
            send(e, privileged, text, Locale.SIMPLIFIED_CHINESE, file);
            send(e, privileged, text, Locale.ENGLISH, file);
        }
    }

    private void send(Endpoint e, String user, Payload p, Locale locale, MockMultipartFile hostileFile) throws Exception {
        MockHttpSession session = sessions.get(user);
        session.setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, locale);
        String what = e.key() + " as " + user + " with " + p.name()
                + (hostileFile == null ? "" : " and file " + printable(hostileFile.getOriginalFilename())) + " ["
                + locale.toLanguageTag() + "]";
        AbstractMockHttpServletRequestBuilder<?> builder = build(e, p, hostileFile);
        builder.session(session).with(csrf()).header("Accept-Language", locale.toLanguageTag())
                .accept("text/html,application/xhtml+xml,*/*;q=0.8");

        quiet(what);
        long before = lastWrite();
        MvcResult result;
        requests++;
        try {
            result = mvc.perform(builder).andReturn();
        } catch (Exception | AssertionError thrown) {
            Throwable root = thrown;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            failures.add("500 " + what + ": " + root.getClass().getSimpleName() + " " + abbreviate(root.getMessage()));
            return;
        }
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        outcomes.merge(status + (response.getRedirectedUrl() == null ? ""
                : " to " + response.getRedirectedUrl().replaceAll("[?#].*|\\d+", "")), 1, Integer::sum);
        Object flashError = result.getFlashMap() == null ? null : result.getFlashMap().get("flashError");
        boolean refused = status >= 400 || flashError != null;
        if (status >= 500) {
            Exception resolved = result.getResolvedException();
            failures.add(status + " " + what + (resolved == null ? "" : ": " + resolved.getClass().getSimpleName()
                    + " " + abbreviate(resolved.getMessage())));
        } else if (refused) {
            clearMessage(what, result, locale, flashError);
            quiet(what);
            List<String> written = jdbc.sql("SELECT tbl || ' ' || op || ' ' || count(*) FROM corpus_write "
                    + "WHERE id > ? GROUP BY tbl, op ORDER BY 1").param(before).query(String.class).list();
            if (!written.isEmpty()) {
                failures.add("half-saved " + what + ": refused (" + status + ") yet wrote " + written);
            }
        }
    }

    /** A refusal is a message from the bundles in the person's language, never a bare status or a stack trace. */
    private void clearMessage(String what, MvcResult result, Locale locale, Object flashError) throws Exception {
        if (flashError != null) {
            String key = flashError.toString();
            String text = messages.getMessage(key, null, null, locale);
            if (text == null) {
                failures.add("refusal without a message " + what + ": " + key);
            }
            return;
        }
        MockHttpServletResponse response = result.getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        int status = response.getStatus();
        if (body.isBlank()) {
            // Security's 403, a 404 and a too-large upload go to the error page, which has its own message for each
            // (WebErrorsTests reads it through the real server); any other bare status says nothing to the person.
            if (status != 403 && status != 404 && status != 413) {
                failures.add("bare " + status + " " + what + ": no page, no message ("
                        + abbreviate(String.valueOf(response.getErrorMessage())) + ")");
            }
            return;
        }
        if (String.valueOf(response.getContentType()).startsWith("application/json")) {
            jsonRefusal(what, status, body, locale);
            return;
        }
        String lang = locale.getLanguage().equals("zh") ? "lang=\"zh-CN\"" : "lang=\"en\"";
        if (!body.contains(lang) || body.contains("Whitelabel") || body.contains("Exception")
                || body.contains("at org.")) {
            failures.add("unclear " + status + " " + what + ": not a page in " + locale.toLanguageTag());
        }
    }

    private static final Pattern JSON_ERROR = Pattern.compile("^\\{\"error\":\"([^\"]+)\"}$");

    /**
     * The live page's scripts (chat, player heartbeat) get a refusal as {@code {"error": "…"}} and show its text: it
     * must be a sentence in the person's language, not a message key or an exception.
     */
    private void jsonRefusal(String what, int status, String body, Locale locale) {
        Matcher error = JSON_ERROR.matcher(body.strip());
        String text = error.matches() ? error.group(1) : "";
        boolean chinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        // A message key has neither Chinese characters nor spaces.
        boolean inLanguage = locale.getLanguage().equals("zh") ? chinese : !chinese && text.contains(" ");
        if (!inLanguage) {
            failures.add("unclear " + status + " " + what + ": no message in " + locale.toLanguageTag() + " ("
                    + abbreviate(body) + ")");
        }
    }

    /**
     * Installs the write counter in this class's own database: every row inserted, updated or deleted in a committed
     * transaction leaves one row in {@code corpus_write}. Left out: the audit trail, which records refusals on
     * purpose in a transaction of its own, and Modulith's event registry, whose rows are the framework's
     * bookkeeping of listeners, not anything the person entered.
     */
    private void countWrites() {
        jdbc.sql("CREATE UNLOGGED TABLE corpus_write (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)")
                .update();
        jdbc.sql("""
                CREATE FUNCTION corpus_count() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO corpus_write (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
                    RETURN NULL;
                END $$""").update();
        List<String> counted = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN "
                + "('corpus_write', 'audit_event', 'event_publication', 'flyway_schema_history')")
                .query(String.class).list();
        for (String table : counted) {
            jdbc.sql("CREATE TRIGGER corpus_count AFTER INSERT OR UPDATE OR DELETE ON \"" + table
                    + "\" FOR EACH ROW EXECUTE FUNCTION corpus_count()").update();
        }
    }

    private long lastWrite() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM corpus_write").query(Long.class).single();
    }

    /**
     * Waits until the work a request handed to other threads (Modulith's asynchronous listeners) is done and no other
     * connection is inside a transaction, so the rows counted between two requests are the request's own. A
     * publication still open after 30 seconds is reported once and not waited for again (nor are those the demo's
     * start-up left open), so one stuck listener does not slow every later request.
     */
    private void quiet(String after) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> open;
        int borrowed;
        do {
            open = jdbc.sql("""
                    SELECT id::text || ' ' || listener_id FROM event_publication WHERE completion_date IS NULL
                       AND status IS DISTINCT FROM 'FAILED'
                    UNION ALL
                    SELECT 'connection ' || pid || ' ' || left(query, 80) FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid()
                       AND state IN ('active', 'idle in transaction')""").query(String.class).list().stream()
                    .filter(busy -> !stuck.contains(busy)).toList();
            borrowed = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
            if (open.isEmpty() && borrowed <= leaked) {
                return;
            }
            Thread.sleep(5);
        } while (System.nanoTime() < deadline);
        if (requests > 0 && !open.isEmpty()) {
            failures.add("background work still open 30 s after " + after + ": " + abbreviate(open.toString()));
        }
        if (requests > 0 && borrowed > leaked) {
            failures.add("connection never given back after " + after + ": " + borrowed + " of the pool in use");
        }
        stuck.addAll(open);
        leaked = Math.max(leaked, borrowed);
    }

    // -------------------------------------------------------------------------------------------------- stored script

    /** Every page a role can open without an id, and every detail page of the newest records, shows no live payload. */
    private void storedScriptNowhere(List<Endpoint> endpoints) throws Exception {
        tables.clear();
        List<Endpoint> pages = endpointsOf(HttpMethod.GET).stream()
                .filter(e -> !e.path().matches(".*\\.(xlsx|csv|png|jpg|jpeg|ics|m3u8|ts|pdf|svg|txt|json)$"))
                .filter(e -> !e.path().contains("/stream") && !e.path().contains("/hls/")
                        && !e.path().startsWith("/actuator") && !e.path().startsWith("/error")
                        && !e.path().startsWith("/test/"))
                .toList();
        for (Endpoint page : pages) {
            List<String> users = page.path().contains("{") ? List.of("100023") : List.copyOf(sessions.keySet());
            for (String user : users) {
                MockHttpSession session = sessions.get(user);
                AbstractMockHttpServletRequestBuilder<?> get = build(page, null, null).session(session).accept("text/html");
                MvcResult result;
                try {
                    result = mvc.perform(get).andReturn();
                } catch (Exception thrown) {
                    failures.add("500 reading " + page.key() + " as " + user + ": " + thrown.getClass().getSimpleName());
                    continue;
                }
                String type = String.valueOf(result.getResponse().getContentType());
                if (result.getResponse().getStatus() == 200 && type.startsWith("text/html")) {
                    liveScript(page.key() + " as " + user, result.getResponse().getContentAsString(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private void liveScript(String where, String html) {
        if (!html.contains(MARK)) {
            return;
        }
        Document doc = Jsoup.parse(html);
        for (Element script : doc.select("script")) {
            if (script.data().contains(MARK) || script.attr("src").contains(MARK)) {
                failures.add("stored script on " + where + ": " + abbreviate(script.outerHtml()));
            }
        }
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue();
                if (!value.contains(MARK)) {
                    continue;
                }
                boolean handler = name.startsWith("on");
                boolean jsUrl = (name.equals("href") || name.equals("src") || name.equals("action")
                        || name.equals("formaction") || name.startsWith("hx-")) && value.strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[\\s\\u0000-\\u001f]", "").startsWith("javascript:");
                if (handler || jsUrl) {
                    failures.add("stored " + (handler ? "event handler" : "javascript: link") + " on " + where + ": "
                            + abbreviate(element.outerHtml()));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- handler discovery

    record Field1(String name, Class<?> type, Class<?> element, boolean file) {
    }

    record Endpoint(HttpMethod method, String path, HandlerMethod handler, List<Field1> fields, boolean body) {
        String key() {
            return method.name() + " " + path;
        }

        boolean multipart() {
            return fields.stream().anyMatch(Field1::file);
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> found = new ArrayList<>();
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            found.addAll(endpointsOf(method));
        }
        endpointsOf(HttpMethod.GET).stream().filter(e -> !e.fields().isEmpty()).forEach(found::add);
        return found.stream().filter(e -> ALLOWED.keySet().stream().noneMatch(e.key()::startsWith)).toList();
    }

    private List<Endpoint> endpointsOf(HttpMethod method) {
        List<Endpoint> found = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean matches = methods.isEmpty() ? method == HttpMethod.GET
                    : methods.contains(RequestMethod.valueOf(method.name()));
            if (!matches || info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString();
                if (path.startsWith("/test/") || path.startsWith("/error")) {
                    continue;
                }
                found.add(describe(method, path, entry.getValue()));
            }
        }
        found.sort((a, b) -> a.key().compareTo(b.key()));
        return found;
    }

    private Endpoint describe(HttpMethod method, String path, HandlerMethod handler) {
        List<Field1> fields = new ArrayList<>();
        boolean body = false;
        DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(names);
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                continue; // filled in the path pattern with real ids
            }
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = true;
            } else if (requestParam != null) {
                if (Map.class.isAssignableFrom(type)) {
                    continue;
                }
                String name = !requestParam.name().isEmpty() ? requestParam.name() : parameter.getParameterName();
                fields.add(field(name, type, parameter.getGenericParameterType()));
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || isForm(type)) {
                formFields(type, fields);
            } else if (MultipartFile.class.isAssignableFrom(type)
                    && !parameter.hasParameterAnnotation(RequestHeader.class)) {
                fields.add(field(parameter.getParameterName(), type, parameter.getGenericParameterType()));
            } else if (isSimple(type) && parameter.getParameterAnnotations().length == 0) {
                fields.add(field(parameter.getParameterName(), type, parameter.getGenericParameterType()));
            }
        }
        return new Endpoint(method, path, handler, fields, body);
    }

    private static boolean isForm(Class<?> type) {
        return type.getName().startsWith("org.tongxin.") && !type.getName().startsWith("org.tongxin.shared.security")
                && !type.isEnum() && (type.isRecord() || !type.isInterface());
    }

    private static void formFields(Class<?> type, List<Field1> fields) {
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(field(c.getName(), c.getType(), c.getGenericType()));
            }
            return;
        }
        for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
            for (Field f : t.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    fields.add(field(f.getName(), f.getType(), f.getGenericType()));
                }
            }
        }
    }

    private static Field1 field(String name, Class<?> type, Type generic) {
        Class<?> element = type;
        if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType pt
                && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            element = c;
        } else if (type.isArray()) {
            element = type.getComponentType();
        }
        return new Field1(name, type, element, MultipartFile.class.isAssignableFrom(element));
    }

    private static boolean isSimple(Class<?> type) {
        return type.isPrimitive() || Number.class.isAssignableFrom(type) || type == String.class || type == Boolean.class
                || type.isEnum() || type == LocalDate.class || type == LocalDateTime.class || type == LocalTime.class;
    }

    // ----------------------------------------------------------------------------------------------- building requests

    private AbstractMockHttpServletRequestBuilder<?> build(Endpoint e, Payload p, MockMultipartFile hostileFile) {
        Matcher variable = Pattern.compile("\\{\\*?([a-zA-Z]+)(:[^}]*)?}").matcher(e.path());
        StringBuilder expanded = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(expanded, Matcher.quoteReplacement(String.valueOf(pathValue(e.path(),
                    variable.group(1)))));
        }
        variable.appendTail(expanded);
        String path = expanded.toString();
        AbstractMockHttpServletRequestBuilder<?> builder;
        if (e.multipart()) {
            MockMultipartHttpServletRequestBuilder upload = multipart(e.method(), path);
            for (Field1 f : e.fields()) {
                if (f.file()) {
                    upload.file(hostileFile != null ? renamed(hostileFile, f.name())
                            : new MockMultipartFile(f.name(), "photo.png", "image/png", Pictures.picture(8, 8, "png")));
                }
            }
            builder = upload;
        } else {
            builder = request(e.method(), path);
        }
        for (Field1 f : e.fields()) {
            if (!f.file()) {
                builder.param(f.name(), value(f, p));
            }
        }
        if (e.body()) {
            builder.contentType("application/json").content(p == null ? "{}" : "{\"text\":\"" + p.value()
                    .replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        }
        return builder;
    }

    private static MockMultipartFile renamed(MockMultipartFile file, String name) {
        try {
            return new MockMultipartFile(name, file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload where its kind fits the field, else a valid value so the handler gets past binding. */
    private String value(Field1 f, Payload p) {
        Class<?> t = f.element();
        boolean number = t.isPrimitive() && t != boolean.class || Number.class.isAssignableFrom(t);
        boolean date = t == LocalDate.class || t == LocalDateTime.class || t == LocalTime.class
                || t == OffsetDateTime.class || t == YearMonth.class;
        boolean text = t == String.class;
        if (p != null) {
            switch (p.kind()) {
                case EVERYWHERE -> {
                    return p.value();
                }
                case TEXT -> {
                    if (text) {
                        return p.value();
                    }
                }
                case NUMBER -> {
                    if (number || text) {
                        return p.value();
                    }
                }
                case DATE -> {
                    if (text) {
                        return p.value();
                    }
                    if (date) {
                        return t == LocalDateTime.class ? p.value() + "T09:00" : t == LocalTime.class ? "25:61"
                                : t == YearMonth.class ? p.value().substring(0, 7) : p.value();
                    }
                }
            }
        }
        if (number) {
            Long id = f.name().endsWith("Id") ? id(tableFor(f.name(), "")) : null;
            return id != null ? id.toString() : "1";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true";
        }
        if (t.isEnum()) {
            return ((Enum<?>) t.getEnumConstants()[0]).name();
        }
        if (t == LocalDate.class) {
            return LocalDate.now().plusDays(10).toString();
        }
        if (t == LocalDateTime.class) {
            return LocalDate.now().plusDays(10) + "T09:00";
        }
        if (t == LocalTime.class) {
            return "09:00";
        }
        if (t == YearMonth.class) {
            return YearMonth.now().toString();
        }
        return "同心 ok";
    }

    private Object pathValue(String path, String variable) {
        if (!variable.toLowerCase(Locale.ROOT).endsWith("id")) {
            return "x1";
        }
        int at = path.indexOf("{" + variable);
        String before = at < 0 ? path : path.substring(0, at);
        String[] segments = before.split("/");
        String hint = segments.length > 0 ? segments[segments.length - 1] : "";
        String module = segments.length > 1 ? segments[1] : "";
        Long id = id(tableFor(variable.equals("id") ? hint : variable, module));
        return id == null ? 1 : id;
    }

    /** The table a path variable or field names: {@code voiceSuggestionId} is voice_suggestion, {@code roomId} library_room. */
    private String tableFor(String name, String module) {
        String snake = name.replaceAll("Id$", "").replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_')
                .toLowerCase(Locale.ROOT);
        String prefix = module.split("-")[0];
        List<String> candidates = new ArrayList<>();
        for (String s : List.of(snake, snake.replaceAll("ies$", "y"), snake.replaceAll("s$", ""))) {
            candidates.add(s);
            candidates.add(prefix + "_" + s);
        }
        for (String c : candidates) {
            if (tableNames.contains(c)) {
                return c;
            }
        }
        String last = snake.replaceAll(".*_", "").replaceAll("ies$", "y").replaceAll("s$", "");
        return tableNames.stream().filter(t -> t.endsWith("_" + snake) || t.endsWith("_" + last))
                .sorted((a, b) -> Boolean.compare(!a.startsWith(prefix), !b.startsWith(prefix))).findFirst()
                .orElse(switch (snake) {
                    case "unit" -> "org_unit";
                    default -> null;
                });
    }

    /** The newest row's id in {@code table}: a demo record, or one the corpus just made. */
    private Long id(String table) {
        if (table == null) {
            return null;
        }
        return tables.computeIfAbsent(table, t -> jdbc.sql("SELECT max(id) FROM " + t).query(Long.class).optional()
                .stream().toList()).stream().findFirst().orElse(null);
    }

    // --------------------------------------------------------------------------------------------------- hostile files

    private static List<MockMultipartFile> hostileFiles() throws IOException {
        byte[] png = Pictures.picture(8, 8, "png");
        String csv = "工号,姓名,性别,出生日期,手机号,身份证号,部门编码,入职日期,岗位,状态\n"
                + "900001,张三<script>alert('" + MARK + "')</script>,男,1990-01-01,13800000000,,D1,2020-01-01,收费员,在职\n";
        return List.of(
                new MockMultipartFile("file", "../../etc/passwd", "image/png", png),
                new MockMultipartFile("file", "a\u0000.jpg", "image/jpeg", png),
                new MockMultipartFile("file", "people.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", png),
                new MockMultipartFile("file", "photo.jpg", "image/jpeg",
                        ("<html><script>alert('" + MARK + "')</script></html>").getBytes(StandardCharsets.UTF_8)),
                new MockMultipartFile("file", "bomb.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zipBomb()),
                new MockMultipartFile("file", "gbk.csv", "text/csv", csv.getBytes(Charset.forName("GBK"))),
                new MockMultipartFile("file", "utf8.csv", "text/csv; charset=GBK", csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] bombCache;

    /** A valid-looking .xlsx of a few hundred KB whose one sheet inflates to 110 MB. */
    static synchronized byte[] zipBomb() throws IOException {
        if (bombCache != null) {
            return bombCache;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                    <sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            byte[] blank = new byte[1 << 20];
            java.util.Arrays.fill(blank, (byte) ' ');
            for (int i = 0; i < 110; i++) {
                zip.write(blank);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        bombCache = bytes.toByteArray();
        return bombCache;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    // ----------------------------------------------------------------------------------------------- oversize upload

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /**
     * MockMvc never parses a multipart body, so the size limit is proven once through the real server: a photo
     * larger than spring.servlet.multipart.max-file-size gets the error page's message, not a reset connection.
     */
    @Test
    void anUploadOverTheLimitGetsTheTooLargePageInTheUsersLanguage() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://127.0.0.1:" + port;
        String loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(loginPage);
        assertThat(token.find()).isTrue();
        http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=100023&password=Tongxin%402026&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/voice/new")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher formToken = CSRF.matcher(form);
        assertThat(formToken.find()).as("the suggestion form has a CSRF token").isTrue();

        String boundary = "txboundary" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + formToken.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[1 << 20];
        List<byte[]> parts = new ArrayList<>();
        parts.add(head);
        for (int i = 0; i < 65; i++) {
            parts.add(chunk);
        }
        parts.add(tail);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/voice/new"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("上传的文件太大").doesNotContain("Exception");
    }

    private static String printable(String s) {
        return s == null ? "null" : s.replace("\u0000", "\\0");
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
