package org.tongxin.voice.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.Sheets;
import org.tongxin.shared.web.Refusal;
import org.tongxin.shared.web.Zones;
import org.tongxin.voice.internal.SurveyResults;
import org.tongxin.voice.internal.Surveys.Question;
import org.tongxin.voice.internal.Surveys.QuestionDraft;
import org.tongxin.voice.internal.Surveys.Survey;
import org.tongxin.voice.internal.Surveys;

/**
 * Surveys for officers: the surveys of their units and a new one; a survey's page — its settings and questions to
 * edit while a draft (questions until the first response), publishing, closing early; the results with bars per
 * option and score, and the export to Excel (audited). Every survey is scoped to the officers managing its unit.
 */
@Controller
class SurveyAdminController {

    static final String BASE = "/voice-admin/surveys";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A survey in the list: its unit's name, its state today and how many have responded. */
    record Item(Survey survey, String unitName, String state, long responded) {
    }

    private final Surveys surveys;
    private final SurveyResults results;
    private final VoicePages pages;
    private final OrgDirectory org;
    private final MessageSource messages;
    private final Zones zones;

    SurveyAdminController(Surveys surveys, SurveyResults results, VoicePages pages, OrgDirectory org,
                          MessageSource messages, Zones zones) {
        this.surveys = surveys;
        this.results = results;
        this.pages = pages;
        this.org = org;
        this.messages = messages;
        this.zones = zones;
    }

    @GetMapping(BASE)
    String list(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Survey> list = surveys.ofOfficer(viewer);
        Map<Long, String> names = pages.unitNames(list.stream().map(Survey::unitId).toList());
        Map<Long, Long> responded = surveys.responded(list.stream().map(Survey::id).toList());
        LocalDate today = surveys.today();
        model.addAttribute("items", list.stream().map(s -> new Item(s, names.get(s.unitId()), s.state(today),
                responded.getOrDefault(s.id(), 0L))).toList());
        model.addAttribute("units", org.manageableUnits(viewer));
        model.addAttribute("opensOn", today);
        model.addAttribute("closesOn", today.plusDays(14));
        return "voice-admin/surveys";
    }

    @PostMapping(BASE)
    String create(@RequestParam(defaultValue = "0") long unitId, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String intro, @RequestParam(defaultValue = "") String audience,
                  @RequestParam(defaultValue = "") String opensOn, @RequestParam(defaultValue = "") String closesOn,
                  @RequestParam(defaultValue = "false") boolean anonymous, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        OrgUnit unit = org.managedUnit(viewer, unitId);
        try {
            long id = surveys.create(viewer, unit.id(), new Surveys.Settings(title, intro, audience, date(opensOn),
                    date(closesOn), anonymous));
            redirect.addFlashAttribute("flash", "voice.survey.created");
            return "redirect:" + BASE + "/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:" + BASE;
        }
    }

    private static LocalDate date(String typed) {
        try {
            return typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal("voice.error.survey.dates");
        }
    }

    @GetMapping(BASE + "/{surveyId}")
    String survey(@PathVariable long surveyId, Model model) {
        Viewer viewer = CurrentViewer.get();
        Survey s = surveys.forOfficer(viewer, surveyId);
        String state = s.state(surveys.today());
        long responded = surveys.responded(surveyId);
        model.addAttribute("survey", s);
        model.addAttribute("unitName", pages.unitNames(List.of(s.unitId())).get(s.unitId()));
        model.addAttribute("state", state);
        model.addAttribute("responded", responded);
        model.addAttribute("editable", !state.equals("CLOSED") && responded == 0);
        model.addAttribute("questions", surveys.questions(surveyId));
        return "voice-admin/survey";
    }

    @PostMapping(BASE + "/{surveyId}/settings")
    String settings(@PathVariable long surveyId, @RequestParam(defaultValue = "") String title,
                    @RequestParam(defaultValue = "") String intro, @RequestParam(defaultValue = "") String audience,
                    @RequestParam(defaultValue = "") String opensOn, @RequestParam(defaultValue = "") String closesOn,
                    @RequestParam(defaultValue = "false") boolean anonymous, RedirectAttributes redirect) {
        return act(surveyId, redirect, "voice.survey.saved", viewer -> surveys.update(viewer, surveyId,
                new Surveys.Settings(title, intro, audience, date(opensOn), date(closesOn), anonymous)));
    }

    @PostMapping(BASE + "/{surveyId}/questions")
    String addQuestion(@PathVariable long surveyId, @RequestParam(defaultValue = "") String kind,
                       @RequestParam(defaultValue = "") String prompt,
                       @RequestParam(defaultValue = "false") boolean required,
                       @RequestParam(defaultValue = "") String options,
                       @RequestParam(defaultValue = "") String maxChoices,
                       @RequestParam(defaultValue = "") String scaleMax,
                       @RequestParam(defaultValue = "") String lowLabel,
                       @RequestParam(defaultValue = "") String highLabel, RedirectAttributes redirect) {
        return act(surveyId, redirect, "voice.survey.questionAdded", viewer -> surveys.addQuestion(viewer, surveyId,
                draft(kind, prompt, required, options, maxChoices, scaleMax, lowLabel, highLabel)));
    }

    @GetMapping(BASE + "/{surveyId}/questions/{surveyQuestionId}")
    String question(@PathVariable long surveyId, @PathVariable long surveyQuestionId, Model model) {
        Viewer viewer = CurrentViewer.get();
        Survey s = surveys.forOfficer(viewer, surveyId);
        Question q = surveys.question(surveyId, surveyQuestionId);
        String state = s.state(surveys.today());
        model.addAttribute("survey", s);
        model.addAttribute("q", q);
        model.addAttribute("editable", !state.equals("CLOSED") && surveys.responded(surveyId) == 0);
        return "voice-admin/survey-question";
    }

    @PostMapping(BASE + "/{surveyId}/questions/{surveyQuestionId}")
    String updateQuestion(@PathVariable long surveyId, @PathVariable long surveyQuestionId,
                          @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String prompt,
                          @RequestParam(defaultValue = "false") boolean required,
                          @RequestParam(defaultValue = "") String options,
                          @RequestParam(defaultValue = "") String maxChoices,
                          @RequestParam(defaultValue = "") String scaleMax,
                          @RequestParam(defaultValue = "") String lowLabel,
                          @RequestParam(defaultValue = "") String highLabel, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        surveys.forOfficer(viewer, surveyId);
        try {
            surveys.updateQuestion(viewer, surveyId, surveyQuestionId,
                    draft(kind, prompt, required, options, maxChoices, scaleMax, lowLabel, highLabel));
            redirect.addFlashAttribute("flash", "voice.survey.saved");
            return "redirect:" + BASE + "/" + surveyId + "#question-" + surveyQuestionId;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:" + BASE + "/" + surveyId + "/questions/" + surveyQuestionId;
        }
    }

    @PostMapping(BASE + "/{surveyId}/questions/{surveyQuestionId}/remove")
    String removeQuestion(@PathVariable long surveyId, @PathVariable long surveyQuestionId,
                          RedirectAttributes redirect) {
        return act(surveyId, redirect, "voice.survey.questionRemoved",
                viewer -> surveys.removeQuestion(viewer, surveyId, surveyQuestionId));
    }

    /** Moves a question up ({@code by=-1}) or down ({@code by=1}). */
    @PostMapping(BASE + "/{surveyId}/questions/{surveyQuestionId}/move")
    String moveQuestion(@PathVariable long surveyId, @PathVariable long surveyQuestionId,
                        @RequestParam(defaultValue = "0") int by, RedirectAttributes redirect) {
        return act(surveyId, redirect, "voice.survey.questionMoved",
                viewer -> surveys.moveQuestion(viewer, surveyId, surveyQuestionId, by));
    }

    @PostMapping(BASE + "/{surveyId}/publish")
    String publish(@PathVariable long surveyId, RedirectAttributes redirect) {
        return act(surveyId, redirect, "voice.survey.published", viewer -> surveys.publish(viewer, surveyId));
    }

    @PostMapping(BASE + "/{surveyId}/close")
    String close(@PathVariable long surveyId, RedirectAttributes redirect) {
        return act(surveyId, redirect, "voice.survey.closedEarly", viewer -> surveys.close(viewer, surveyId));
    }

    @PostMapping(BASE + "/{surveyId}/delete")
    String delete(@PathVariable long surveyId, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        surveys.forOfficer(viewer, surveyId);
        try {
            surveys.delete(viewer, surveyId);
            redirect.addFlashAttribute("flash", "voice.survey.deleted");
            return "redirect:" + BASE;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:" + BASE + "/" + surveyId;
        }
    }

    private String act(long surveyId, RedirectAttributes redirect, String done, Consumer<Viewer> action) {
        Viewer viewer = CurrentViewer.get();
        surveys.forOfficer(viewer, surveyId);
        try {
            action.accept(viewer);
            redirect.addFlashAttribute("flash", done);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:" + BASE + "/" + surveyId;
    }

    private static QuestionDraft draft(String kind, String prompt, boolean required, String options, String maxChoices,
                                       String scaleMax, String lowLabel, String highLabel) {
        List<String> lines = Arrays.stream(options.split("\\R")).map(String::strip).filter(o -> !o.isEmpty()).toList();
        return new QuestionDraft(kind, prompt, required, lines, number(maxChoices, "voice.error.survey.maxChoices"),
                number(scaleMax, "voice.error.survey.scale"), lowLabel, highLabel);
    }

    private static Integer number(String typed, String refusal) {
        try {
            return typed.isBlank() ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(refusal);
        }
    }

    @GetMapping(BASE + "/{surveyId}/results")
    String results(@PathVariable long surveyId, Model model) {
        Viewer viewer = CurrentViewer.get();
        SurveyResults.Results r = results.results(viewer, surveyId);
        model.addAttribute("r", r);
        model.addAttribute("survey", r.survey());
        model.addAttribute("unitName", pages.unitNames(List.of(r.survey().unitId())).get(r.survey().unitId()));
        model.addAttribute("state", r.survey().state(surveys.today()));
        return "voice-admin/survey-results";
    }

    /**
     * The results as a workbook: a summary sheet (the survey, turnout, and per question the count and share of each
     * option or score, a scale's mean), and once shown the responses — with the person on a named survey, without
     * any on an anonymous one.
     */
    @GetMapping(BASE + "/{surveyId}/results.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long surveyId, Locale locale) {
        SurveyResults.Export export = results.export(CurrentViewer.get(), surveyId);
        SurveyResults.Results r = export.results();
        Survey s = r.survey();
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of(text("voice.survey.x.title", locale), s.title()));
        summary.add(List.of(text("voice.survey.x.unit", locale), pages.unitNames(List.of(s.unitId())).get(s.unitId())));
        summary.add(List.of(text("voice.survey.x.audience", locale), text("voice.survey.audience." + s.audience(), locale)));
        summary.add(List.of(text("voice.survey.x.kind", locale),
                text(s.anonymous() ? "voice.survey.anonymous" : "voice.survey.named", locale)));
        summary.add(List.of(text("voice.survey.x.dates", locale), s.opensOn() + " — " + s.closesOn()));
        summary.add(List.of(text("voice.survey.x.state", locale),
                text("voice.survey.state." + s.state(surveys.today()), locale)));
        summary.add(List.of(text("voice.survey.x.responded", locale), r.responded()));
        summary.add(List.of(text("voice.survey.x.audienceSize", locale), r.audience()));
        summary.add(List.of(text("voice.survey.x.rate", locale), Math.round(r.rate() * 10) / 10.0));
        summary.add(List.of());
        if (!r.shown()) {
            summary.add(List.of(text("voice.survey.notShown", locale)));
        } else {
            summary.add(List.of(text("voice.survey.x.number", locale), text("voice.survey.x.question", locale),
                    text("voice.survey.x.option", locale), text("voice.survey.x.count", locale),
                    text("voice.survey.x.share", locale)));
            for (SurveyResults.QuestionResult line : r.lines()) {
                Question q = line.question();
                if (q.kind().equals("TEXT")) {
                    summary.add(List.of(q.position(), q.prompt(), text("voice.survey.x.texts", locale),
                            line.texts().size()));
                    continue;
                }
                for (SurveyResults.Bar b : line.bars()) {
                    summary.add(List.of(q.position(), q.prompt(), b.label(), b.count(),
                            Math.round(b.percent() * 10) / 10.0));
                }
                if (line.mean() != null) {
                    summary.add(List.of(q.position(), q.prompt(), text("voice.survey.x.mean", locale),
                            Math.round(line.mean() * 100) / 100.0));
                }
            }
        }
        List<Sheets.Table> tables = new ArrayList<>();
        tables.add(new Sheets.Table(text("voice.survey.x.summary", locale), List.of(), summary));
        if (r.shown()) {
            List<String> headers = new ArrayList<>();
            if (!s.anonymous()) {
                headers.addAll(List.of(text("voice.survey.x.name", locale), text("voice.survey.x.employeeNo", locale),
                        text("voice.survey.x.unit", locale), text("voice.survey.x.at", locale)));
            }
            r.questions().forEach(q -> headers.add(q.position() + ". " + q.prompt()));
            List<List<Object>> rows = new ArrayList<>();
            for (SurveyResults.Row row : export.rows()) {
                List<Object> cells = new ArrayList<>();
                if (!s.anonymous()) {
                    cells.addAll(Arrays.asList(row.name(), row.employeeNo(), row.unitName(), row.at() == null ? ""
                            : MINUTES
                            .format(zones.local(row.at()))));
                }
                cells.addAll(row.cells());
                rows.add(cells);
            }
            tables.add(new Sheets.Table(text("voice.survey.x.responses", locale), headers, rows));
        }
        return Sheets.download("survey-" + surveyId + ".xlsx", tables);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
