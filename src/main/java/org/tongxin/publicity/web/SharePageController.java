package org.tongxin.publicity.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.tongxin.publicity.internal.PublicityReading.Access;
import org.tongxin.publicity.internal.PublicityReading.Opened;
import org.tongxin.publicity.internal.SharePoster;
import org.tongxin.publicity.internal.Sharing;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.PublicAddress;
import org.tongxin.shared.web.Refusal;

/**
 * The share page of an item (a light page of its own, not the app's layout: it is opened from WeChat and QQ chats
 * by people without an account, often on a weak connection), its cover, its QR poster, and the share buttons'
 * counter. Who may open what is {@link org.tongxin.publicity.internal.PublicityReading}'s: published public items
 * anyone, internal ones after logging in (and back here), drafts their officers and reviewers as a preview,
 * withdrawn ones only that they were withdrawn (410).
 */
@Controller
class SharePageController {

    /** The anonymous reader's cookie: a random id, so a reader is counted once without an account. */
    static final String READER_COOKIE = "txr";
    private static final Pattern READER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Duration READER_KEPT = Duration.ofDays(365);

    private final Sharing sharing;
    private final PublicAddress address;
    private final MessageSource messages;

    SharePageController(Sharing sharing, PublicAddress address, MessageSource messages) {
        this.sharing = sharing;
        this.address = address;
        this.messages = messages;
    }

    /**
     * The page. Caching: a public page could be cached by proxies for a minute ({@code public, max-age=60}), but
     * the read is counted here, on the server, and the first answer to an anonymous reader sets their cookie — a
     * shared cache would swallow the reads of everyone it served and could hand one reader's cookie to the next.
     * So the page is {@code private, no-cache}: the phone keeps its copy and asks again with the ETag each time,
     * the read is counted, and while nothing changed (not even the read count) the answer is a body-less 304.
     */
    @GetMapping("/p/{id}")
    String page(@PathVariable long id, @CookieValue(name = READER_COOKIE, required = false) String readerCookie,
                HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        Viewer viewer = CurrentViewer.find().orElse(null);
        Opened opened = sharing.open(viewer, id);
        if (opened.access() == Access.LOGIN_FIRST) {
            // Handled by Spring Security as for any page that needs a log-in: the request is saved, the log-in page
            // shown, and the log-in's success handler (saved-request aware) comes back here.
            throw new AccessDeniedException("internal item " + id);
        }
        if (opened.access() == Access.WITHDRAWN) {
            response.setStatus(HttpStatus.GONE.value());
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
            return "publicity/withdrawn";
        }
        String reader = null;
        if (opened.access() == Access.READ && (viewer == null || viewer.employeeId() == null)) {
            reader = readerCookie != null && READER_ID.matcher(readerCookie).matches() ? readerCookie : newReader(request,
                    response);
        }
        Sharing.SharePage page = sharing.page(opened, viewer, reader);
        if (page.preview()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
        } else {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePrivate().getHeaderValue());
            String etag = "W/\"" + Integer.toHexString(Objects.hash(id, page.item().updatedAt(), page.readers(),
                    locale.toLanguageTag(), viewer == null)) + "\"";
            if (new ServletWebRequest(request, response).checkNotModified(etag)) {
                return null;
            }
        }
        String url = address.of("/p/" + id);
        model.addAttribute("page", page);
        model.addAttribute("card", page.card());
        model.addAttribute("pageUrl", url);
        // A video posted without words has no summary: the title then describes the link.
        model.addAttribute("description", page.item().summary().isBlank() ? page.item().title() : page.item().summary());
        model.addAttribute("coverUrl", page.card().hasCover() ? address.of("/p/" + id + "/cover") : null);
        model.addAttribute("siteUrl", address.base());
        model.addAttribute("published", page.card().published() == null ? null
                : page.card().published().format(DateTimeFormatter.ofPattern("yyyy-MM-dd")));
        model.addAttribute("qqShare", "https://connect.qq.com/widget/shareqq/index.html?url=" + encode(url)
                + "&title=" + encode(page.item().title()) + "&summary=" + encode(page.item().summary())
                + (page.card().hasCover() ? "&pics=" + encode(address.of("/p/" + id + "/cover")) : ""));
        model.addAttribute("external", external(page.item().externalUrl()));
        String shared = request.getParameter("shared");
        model.addAttribute("shared", shared != null && Sharing.CHANNELS.contains(shared) ? shared : null);
        return "publicity/page";
    }

    private static String newReader(HttpServletRequest request, HttpServletResponse response) {
        String id = UUID.randomUUID().toString();
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(READER_COOKIE, id).path("/p").httpOnly(true)
                .sameSite("Lax").secure(request.isSecure()).maxAge(READER_KEPT).build().toString());
        return id;
    }

    /** Which platform an item's outside link goes to, for the button's words: douyin, kuaishou or other. */
    private static String external(String url) {
        if (url == null) {
            return null;
        }
        String host = URI.create(url).getHost();
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (host.endsWith("douyin.com") || host.endsWith("iesdouyin.com")) {
            return "douyin";
        }
        return host.endsWith("kuaishou.com") || host.endsWith("gifshow.com") ? "kuaishou" : "other";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * A share button pressed: sent by the page's script with {@code navigator.sendBeacon} (answered 204) or, without
     * script, by the button's own form (answered with the page again, showing how to share). Open to anonymous
     * readers without a CSRF token: it only adds one to a counter.
     */
    @PostMapping("/p/{id}/share")
    ResponseEntity<Void> share(@PathVariable long id, @RequestParam String channel,
                               @RequestParam(required = false) String back) {
        if (!Sharing.CHANNELS.contains(channel)) {
            throw new Refusal("badinput.message");
        }
        sharing.shared(sharing.open(CurrentViewer.find().orElse(null), id), channel);
        if (back != null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/p/" + id + "?shared=" + channel + "#share")).build();
        }
        return ResponseEntity.noContent().build();
    }

    /** The cover (a video's poster frame when it has none): what a shared link shows in WeChat and QQ. */
    @GetMapping("/p/{id}/cover")
    ResponseEntity<byte[]> cover(@PathVariable long id) {
        return coverImage(id, false);
    }

    /** The cover's thumbnail, for lists and cards. */
    @GetMapping("/p/{id}/thumb")
    ResponseEntity<byte[]> thumb(@PathVariable long id) {
        return coverImage(id, true);
    }

    private ResponseEntity<byte[]> coverImage(long id, boolean thumb) {
        Opened opened = sharing.open(CurrentViewer.find().orElse(null), id);
        FileStore.Image image = sharing.cover(opened, thumb).orElseThrow(() -> new NotFoundException("cover " + id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(MediaCaching.of(opened)).body(image.content());
    }

    /**
     * The QR poster (PNG). Kept by the phone for a while but never by a shared cache, since each reader's download
     * counts as a share.
     */
    @GetMapping("/p/{id}/poster.png")
    ResponseEntity<byte[]> poster(@PathVariable long id, Locale locale) {
        Opened opened = sharing.open(CurrentViewer.find().orElse(null), id);
        if (!opened.mediaAllowed()) {
            throw new NotFoundException("poster of item " + id);
        }
        var item = opened.item();
        String unit = sharing.unitName(item.unitId()).orElse("");
        String date = item.publishedAt() == null ? ""
                : item.publishedAt().atZoneSameInstant(ZoneId.systemDefault()).format(DateTimeFormatter.ISO_LOCAL_DATE);
        byte[] png = sharing.poster(opened, new SharePoster.Text(item.title(), item.summary(),
                date.isEmpty() ? unit : unit + " · " + date, address.of("/p/" + id),
                messages.getMessage("publicity.page.scanToRead", null, locale),
                messages.getMessage("publicity.page.siteName", null, locale)));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("poster-" + id + ".png").build().toString())
                .cacheControl(opened.access() == Access.READ ? CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate()
                        : CacheControl.noStore().cachePrivate())
                .body(png);
    }
}
