package org.tongxin.live.web;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tongxin.live.internal.Chat;
import org.tongxin.live.internal.LiveCovers;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Playback;
import org.tongxin.live.internal.Sessions;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.ImageResponses;
import org.tongxin.shared.web.NotFoundException;

/**
 * The viewers' pages: the list of sessions one may watch (live now, coming, replays), the watch page in each state
 * (not started with a countdown, live, ended with the replay's link, cancelled) and the replay page. The video and
 * the chat are driven by the page's scripts ({@code live-player.js}, {@code live-chat.js}); hls.js is loaded only
 * where the browser cannot play HLS itself. A session that is not public asks a visitor who is not logged in to log
 * in first and comes back; anyone outside its audience gets 404, as if it did not exist.
 */
@Controller
class LivePagesController {

    /** Coming sessions are listed this far ahead. */
    private static final int AHEAD_DAYS = 60;
    private static final int LIST_LIMIT = 100;

    /** A session on a list, with its host unit's name. */
    record Listed(Sessions.Session session, String hostName) {
    }

    private final LiveService live;
    private final Sessions sessions;
    private final Playback playback;
    private final Chat chat;
    private final LiveCovers covers;
    private final OrgDirectory org;
    private final String publicUrl;
    /** Ended sessions are looked for this far back: replays are kept no longer. */
    private final int replayDays;

    LivePagesController(LiveService live, Sessions sessions, Playback playback, Chat chat, LiveCovers covers,
                        OrgDirectory org, @Value("${tongxin.public-url:}") String publicUrl,
                        @Value("${tongxin.live.replay-days:90}") int replayDays) {
        this.live = live;
        this.sessions = sessions;
        this.playback = playback;
        this.chat = chat;
        this.covers = covers;
        this.org = org;
        this.publicUrl = publicUrl;
        this.replayDays = replayDays;
    }

    @GetMapping("/live")
    String list(Model model) {
        Viewer viewer = CurrentViewer.get();
        OffsetDateTime now = live.now();
        List<Sessions.Session> mine = sessions.between(now.minusDays(replayDays + 1L), now.plusDays(AHEAD_DAYS))
                .stream().filter(s -> live.mayWatch(viewer, s)).toList();
        model.addAttribute("liveNow", listed(mine.stream().filter(s -> s.state().equals("LIVE"))
                .sorted(Comparator.comparing(Sessions.Session::startsAt)).toList()));
        model.addAttribute("upcoming", listed(mine.stream()
                .filter(s -> s.state().equals("SCHEDULED") && s.endsAt().isAfter(now))
                .sorted(Comparator.comparing(Sessions.Session::startsAt)).limit(LIST_LIMIT).toList()));
        model.addAttribute("replays", listed(mine.stream().filter(s -> s.replayAvailable(now))
                .sorted(Comparator.comparing(Sessions.Session::startsAt).reversed()).limit(LIST_LIMIT).toList()));
        return "live/list";
    }

    private List<Listed> listed(List<Sessions.Session> list) {
        return list.stream().map(s -> new Listed(s, unitName(s.hostUnitId()))).toList();
    }

    @GetMapping("/live/{id}")
    String watch(@PathVariable long id, Model model) {
        Viewer viewer = CurrentViewer.find().orElse(null);
        Sessions.Session s = visible(viewer, id);
        page(model, viewer, s, false);
        return "live/watch";
    }

    @GetMapping("/live/{id}/replay")
    String replay(@PathVariable long id, Model model) {
        Viewer viewer = CurrentViewer.find().orElse(null);
        Sessions.Session s = visible(viewer, id);
        if (s.state().equals("SCHEDULED") || s.state().equals("LIVE")) {
            return "redirect:/live/" + id;
        }
        page(model, viewer, s, true);
        return "live/watch";
    }

    /** The cover picture, for anyone who may watch the session (a cancelled one's page shows it too). */
    @GetMapping("/live/{id}/cover")
    ResponseEntity<byte[]> cover(@PathVariable long id) {
        Viewer viewer = CurrentViewer.find().orElse(null);
        return sessions.find(id).filter(s -> live.mayWatch(viewer, s)).flatMap(covers::cover)
                .map(ImageResponses::immutable).orElseThrow(() -> new NotFoundException("cover " + id));
    }

    private void page(Model model, Viewer viewer, Sessions.Session s, boolean replay) {
        OffsetDateTime now = live.now();
        boolean over = s.state().equals("ENDED") || s.state().equals("CANCELLED");
        model.addAttribute("s", s);
        model.addAttribute("replay", replay);
        model.addAttribute("replayAvailable", s.replayAvailable(now));
        model.addAttribute("hostName", unitName(s.hostUnitId()));
        model.addAttribute("loggedIn", viewer != null);
        model.addAttribute("moderator", chat.moderates(viewer, s.id()));
        model.addAttribute("mayChat", viewer != null && !over
                && (viewer.employeeId() != null || s.keyHolder(viewer.accountId())));
        model.addAttribute("mayVote", viewer != null && !over);
        model.addAttribute("viewers", playback.recentViewers(s.id()));
        model.addAttribute("playable", replay ? s.replayAvailable(now) : !over);
        model.addAttribute("src", "/live/" + s.id() + "/hls/" + (replay ? "replay" : "live") + ".m3u8");
        boolean keyHolder = viewer != null && s.keyHolder(viewer.accountId()) && !over;
        model.addAttribute("keyHolder", keyHolder);
        if (keyHolder) {
            model.addAttribute("ingest", Ingesting.of(baseUrl(), live.streamKey(viewer, s.id())));
        }
    }

    /**
     * The session when the viewer may watch it, cancelled ones included (their page says so). A visitor who is not
     * logged in is sent to log in first (and back here) unless the session is public; anyone else outside the
     * audience gets 404.
     */
    private Sessions.Session visible(Viewer viewer, long id) {
        Sessions.Session s = sessions.find(id).orElse(null);
        if (viewer == null && (s == null || !s.audience().equals("PUBLIC"))) {
            throw new AccessDeniedException("log in to watch session " + id);
        }
        if (s == null || !live.mayWatch(viewer, s)) {
            throw new NotFoundException("session " + id);
        }
        return s;
    }

    private String unitName(long unitId) {
        return org.unit(unitId).map(OrgUnit::name).orElse("");
    }

    private String baseUrl() {
        return Ingesting.baseUrl(publicUrl);
    }
}
