package org.tongxin.live.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.identity.AccountSetup;
import org.tongxin.identity.OfficerAccounts;
import org.tongxin.live.CourseChoices;
import org.tongxin.live.internal.Attendance;
import org.tongxin.live.internal.LiveCovers;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Playback;
import org.tongxin.live.internal.Sessions;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.Sheets;
import org.tongxin.shared.web.Refusal;
import org.tongxin.shared.web.Uploads;

/**
 * The organisers' side (/live-admin): the sessions of the units an officer manages, the form to schedule one, a
 * session's page (the stream key with the ingest address and the exact encoder settings, only for its organiser
 * and presenter; end, cancel, cover, the chat to moderate) and its attendance per subtree, also as a spreadsheet.
 * Every change goes through the live services, which check the officer's reach and audit it.
 */
@Controller
class LiveAdminController {

    private static final String BASE = "/live-admin";
    private static final int LIST_LIMIT = 200;
    /** Officers offered as presenters; anyone else of the subtree is chosen by employee number. */
    private static final int PRESENTER_CHOICES = 300;

    /** An account offered as presenter. */
    record Choice(long accountId, String label) {
    }

    /** A session on the organisers' list. */
    record Row(Sessions.Session session, String hostName) {
    }

    private final LiveService live;
    private final Sessions sessions;
    private final LiveCovers covers;
    private final Playback playback;
    private final Attendance attendance;
    private final AttendanceReport reports;
    private final OrgDirectory org;
    private final OfficerAccounts officers;
    private final AccountSetup accounts;
    private final MessageSource messages;
    private final List<CourseChoices> courseChoices;
    private final String publicUrl;

    LiveAdminController(LiveService live, Sessions sessions, LiveCovers covers, Playback playback,
                        Attendance attendance, AttendanceReport reports, OrgDirectory org, OfficerAccounts officers,
                        AccountSetup accounts, MessageSource messages, List<CourseChoices> courseChoices,
                        @Value("${tongxin.public-url:}") String publicUrl) {
        this.live = live;
        this.sessions = sessions;
        this.covers = covers;
        this.playback = playback;
        this.attendance = attendance;
        this.reports = reports;
        this.org = org;
        this.officers = officers;
        this.accounts = accounts;
        this.messages = messages;
        this.courseChoices = courseChoices;
        this.publicUrl = publicUrl;
    }

    @GetMapping(BASE)
    String list(Model model) {
        Viewer viewer = CurrentViewer.get();
        Set<Long> units = org.manageableUnitIds(viewer).orElse(null);
        Map<Long, String> names = new HashMap<>();
        model.addAttribute("rows", sessions.ofUnits(units, LIST_LIMIT).stream()
                .map(s -> new Row(s, names.computeIfAbsent(s.hostUnitId(), this::unitName))).toList());
        model.addAttribute("schedules", !org.manageableUnits(viewer).isEmpty());
        return "live-admin/list";
    }

    @GetMapping(BASE + "/new")
    String form(@RequestParam(required = false) Long unitId, Model model) {
        Viewer viewer = CurrentViewer.get();
        LocalDateTime start = LocalDateTime.now().truncatedTo(ChronoUnit.HOURS).plusHours(1);
        List<OrgUnit> units = org.manageableUnits(viewer);
        Long unit = unitId != null ? unitId : units.isEmpty() ? null : units.getFirst().id();
        return form(model, viewer, LiveForm.blank(unit, start));
    }

    private String form(Model model, Viewer viewer, LiveForm form) {
        List<OrgUnit> units = org.manageableUnits(viewer);
        model.addAttribute("form", form);
        model.addAttribute("units", units);
        model.addAttribute("presenters", presenterChoices(viewer, units));
        model.addAttribute("audiences", LiveForm.AUDIENCES);
        model.addAttribute("courses", courseChoices.stream().flatMap(c -> c.coursesOf(viewer).stream()).toList());
        return "live-admin/form";
    }

    /** The organiser first, then the officers of the units the organiser manages. */
    private List<Choice> presenterChoices(Viewer viewer, List<OrgUnit> units) {
        List<OfficerAccounts.OfficerAccount> posts = officers.inUnits(units.stream().map(OrgUnit::id).toList());
        Map<Long, EmployeeSummary> people = org.employees(posts.stream()
                .map(OfficerAccounts.OfficerAccount::employeeId).distinct().limit(PRESENTER_CHOICES).toList());
        Map<Long, String> unitNames = new HashMap<>();
        units.forEach(u -> unitNames.put(u.id(), u.name()));
        Map<Long, Choice> choices = new LinkedHashMap<>();
        choices.put(viewer.accountId(), new Choice(viewer.accountId(),
                messages.getMessage("live.admin.f.presenterSelf", new Object[]{viewer.displayName()}, locale())));
        for (OfficerAccounts.OfficerAccount o : posts) {
            EmployeeSummary e = people.get(o.employeeId());
            if (e != null && !choices.containsKey(o.accountId())) {
                choices.put(o.accountId(), new Choice(o.accountId(), e.name() + " · "
                        + (o.post() == null ? "" : o.post() + " · ") + unitNames.getOrDefault(o.unitId(), "")));
            }
        }
        return List.copyOf(choices.values());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    @PostMapping(BASE + "/sessions")
    String create(@ModelAttribute LiveForm form, @RequestParam(name = "cover", required = false) MultipartFile cover,
                  Model model, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        // The unit first: a form for a unit the officer does not manage is answered 404 before anything else.
        OrgUnit host = org.managedUnit(viewer, form.unitId() == null ? -1 : form.unitId());
        long id;
        try {
            ZoneId zone = ZoneId.systemDefault();
            String audience = form.audienceOrDefault();
            long presenter = presenter(viewer, host, form);
            List<Long> invitees = audience.equals("LIST") ? invitees(viewer, form, model) : List.of();
            id = live.schedule(viewer, new Sessions.Draft(form.title(), form.description(), host.id(), presenter,
                    form.start(zone), form.end(zone), audience,
                    audience.equals("SUBTREE") || audience.equals("OFFICERS")
                            ? form.audienceUnitId() == null ? host.id() : form.audienceUnitId() : null,
                    invitees, form.courseId(), form.percent()));
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return form(model, viewer, form);
        }
        redirect.addFlashAttribute("flash", "live.admin.scheduled");
        if (cover != null && !cover.isEmpty()) {
            try {
                covers.setCover(viewer, id, Uploads.bytes(cover));
            } catch (Refusal e) {
                redirect.addFlashAttribute("flashError", e.messageKey());
            }
        }
        return "redirect:" + BASE + "/sessions/" + id;
    }

    /**
     * The presenter's account: someone of the host unit's subtree by employee number (their account is made if they
     * have never logged in), else an officer of that subtree from the list, else the organiser.
     */
    private long presenter(Viewer viewer, OrgUnit host, LiveForm form) {
        if (form.presenterByNumber()) {
            String no = form.presenterNo().strip();
            EmployeeSummary e = org.searchEmployees(viewer, no, 20).stream()
                    .filter(x -> x.employeeNo().equals(no)).findFirst()
                    .filter(x -> org.unit(x.unitId()).map(u -> u.pathIds().contains(host.id())).orElse(false))
                    .orElseThrow(() -> new Refusal("live.admin.error.presenter"));
            return accounts.accountId(e.employeeNo());
        }
        Long chosen = form.presenterAccountId();
        if (chosen == null || chosen == viewer.accountId()) {
            return viewer.accountId();
        }
        List<Long> subtree = org.subtreeCounts(host).stream().map(c -> c.unit().id()).toList();
        return officers.inUnits(subtree).stream().filter(o -> o.accountId() == chosen).findFirst()
                .map(OfficerAccounts.OfficerAccount::accountId)
                .orElseThrow(() -> new Refusal("live.admin.error.presenter"));
    }

    /** The people listed by employee number, each one the officer manages; unknown numbers are named back. */
    private List<Long> invitees(Viewer viewer, LiveForm form, Model model) {
        List<String> numbers = form.numbers();
        Map<String, Long> found = org.employeeIdsByNumber(numbers);
        Map<Long, Long> units = org.unitIdsOf(found.values());
        List<String> unknown = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String n : numbers) {
            Long id = found.get(n);
            boolean managed = id != null && units.containsKey(id)
                    && org.unit(units.get(id)).map(u -> viewer.manages(u.pathIds())).orElse(false);
            if (managed) {
                ids.add(id);
            } else {
                unknown.add(n);
            }
        }
        if (!unknown.isEmpty()) {
            model.addAttribute("unknownNumbers", String.join("、", unknown));
            throw new Refusal("live.admin.error.unknownNumbers");
        }
        return ids;
    }

    @GetMapping(BASE + "/sessions/{sessionId}")
    String session(@PathVariable long sessionId, Model model) {
        Viewer viewer = CurrentViewer.get();
        Sessions.Session s = live.runnable(viewer, sessionId);
        OffsetDateTime now = live.now();
        boolean over = s.state().equals("ENDED") || s.state().equals("CANCELLED");
        model.addAttribute("s", s);
        model.addAttribute("hostName", unitName(s.hostUnitId()));
        model.addAttribute("audienceUnitName", s.audienceUnitId() == null ? "" : unitName(s.audienceUnitId()));
        model.addAttribute("invited", live.invited(s).size());
        model.addAttribute("watchers", attendance.of(sessionId).size());
        model.addAttribute("viewers", playback.recentViewers(sessionId));
        Map<Long, String> names = accountNames(List.of(s.presenterAccountId(), s.organiserAccountId()));
        model.addAttribute("presenterName", names.get(s.presenterAccountId()));
        model.addAttribute("organiserName", names.get(s.organiserAccountId()));
        boolean keyHolder = s.keyHolder(viewer.accountId());
        model.addAttribute("keyHolder", keyHolder);
        model.addAttribute("ingest", keyHolder && !over
                ? Ingesting.of(Ingesting.baseUrl(publicUrl), live.streamKey(viewer, sessionId)) : null);
        model.addAttribute("replayAvailable", s.replayAvailable(now));
        model.addAttribute("mayEnd", !over);
        model.addAttribute("mayCancel", s.state().equals("SCHEDULED"));
        model.addAttribute("mayChat", !over && (viewer.employeeId() != null || keyHolder));
        model.addAttribute("over", over);
        return "live-admin/session";
    }

    /** Names of accounts: the employee's name, or the account number for a technical account. */
    private Map<Long, String> accountNames(List<Long> accountIds) {
        Map<Long, Long> employees = officers.employeeIds(accountIds);
        Map<Long, EmployeeSummary> people = org.employees(employees.values());
        Map<Long, String> out = new HashMap<>();
        for (Long a : accountIds) {
            Long e = employees.get(a);
            EmployeeSummary person = e == null ? null : people.get(e);
            out.put(a, person != null ? person.name() + " (" + person.employeeNo() + ")"
                    : messages.getMessage("live.admin.account", new Object[]{String.valueOf(a)}, locale()));
        }
        return out;
    }

    @PostMapping(BASE + "/sessions/{sessionId}/key")
    String rotate(@PathVariable long sessionId, RedirectAttributes redirect) {
        return act(sessionId, redirect, "live.admin.keyRotated", viewer -> live.rotateKey(viewer, sessionId));
    }

    @PostMapping(BASE + "/sessions/{sessionId}/end")
    String end(@PathVariable long sessionId, RedirectAttributes redirect) {
        return act(sessionId, redirect, "live.admin.ended", viewer -> live.end(viewer, sessionId));
    }

    @PostMapping(BASE + "/sessions/{sessionId}/cancel")
    String cancel(@PathVariable long sessionId, RedirectAttributes redirect) {
        return act(sessionId, redirect, "live.admin.cancelled", viewer -> live.cancel(viewer, sessionId));
    }

    @PostMapping(BASE + "/sessions/{sessionId}/cover")
    String cover(@PathVariable long sessionId, @RequestParam(name = "cover", required = false) MultipartFile cover,
                 RedirectAttributes redirect) {
        return act(sessionId, redirect, "live.admin.coverSaved", viewer -> {
            if (cover == null || cover.isEmpty()) {
                throw new Refusal("live.admin.error.noFile");
            }
            covers.setCover(viewer, sessionId, Uploads.bytes(cover));
        });
    }

    private String act(long sessionId, RedirectAttributes redirect, String done, Consumer<Viewer> action) {
        Viewer viewer = CurrentViewer.get();
        live.runnable(viewer, sessionId);
        try {
            action.accept(viewer);
            redirect.addFlashAttribute("flash", done);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:" + BASE + "/sessions/" + sessionId;
    }

    @GetMapping(BASE + "/sessions/{sessionId}/attendance")
    String attendance(@PathVariable long sessionId, @RequestParam(required = false) Long unitId, Model model) {
        model.addAttribute("report", reports.of(CurrentViewer.get(), sessionId, unitId));
        return "live-admin/attendance";
    }

    /** The attendance as shown: the people and the counts per unit, each on its own sheet. */
    @GetMapping(BASE + "/sessions/{sessionId}/attendance.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long sessionId, @RequestParam(required = false) Long unitId,
                                  Locale locale) {
        AttendanceReport.Report r = reports.of(CurrentViewer.get(), sessionId, unitId);
        List<List<Object>> people = new ArrayList<>();
        for (AttendanceReport.Line l : r.lines()) {
            people.add(List.of(l.name(), l.employeeNo(), l.unitName(), text(l.invited() ? "live.admin.yes" : "live.admin.no", locale),
                    l.liveMinutes(), l.replayMinutes(), text("live.admin.standing." + l.standing(), locale)));
        }
        List<List<Object>> units = new ArrayList<>();
        List<AttendanceReport.Counts> all = new ArrayList<>(r.units());
        all.add(r.totals());
        for (AttendanceReport.Counts c : all) {
            String name = c == r.totals() ? text("live.admin.att.total", locale)
                    : c.own() ? messages.getMessage("live.admin.att.own", new Object[]{c.name()}, locale) : c.name();
            units.add(List.of(name, c.invited(), c.watchedLive(), c.watchedReplay(), c.attended(), c.never(),
                    c.liveMinutes(), c.replayMinutes()));
        }
        return Sheets.download("live-" + sessionId + "-attendance.xlsx", List.of(
                new Sheets.Table(text("live.admin.att.people", locale), headers(locale, "live.admin.att.name",
                        "live.admin.att.employeeNo", "live.admin.att.unit", "live.admin.att.invited",
                        "live.admin.att.liveMinutes", "live.admin.att.replayMinutes", "live.admin.att.standing"), people),
                new Sheets.Table(text("live.admin.att.perUnit", locale), headers(locale, "live.admin.att.unit",
                        "live.admin.att.invitedCount", "live.admin.att.watchedLive", "live.admin.att.watchedReplay",
                        "live.admin.att.attended", "live.admin.att.never", "live.admin.att.liveMinutes",
                        "live.admin.att.replayMinutes"), units)));
    }

    private List<String> headers(Locale locale, String... keys) {
        return Arrays.stream(keys).map(k -> text(k, locale)).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String unitName(long unitId) {
        return org.unit(unitId).map(OrgUnit::name).orElse("");
    }
}
