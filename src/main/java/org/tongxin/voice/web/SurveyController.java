package org.tongxin.voice.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.voice.internal.Surveys;
import org.tongxin.voice.internal.Surveys.Survey;

/**
 * Surveys (问卷调查) for employees: the open ones of their audience, and a survey's page with its questions as one
 * form that works without script — sent once; a required question left empty is pointed to, with everything
 * typed kept, and nothing is saved until all is right.
 */
@Controller
class SurveyController {

    /** A survey in the list, with its unit's name and whether the viewer has responded. */
    record Item(Survey survey, String unitName, boolean responded) {
    }

    /** What the person chose or typed, to show the form again as it was sent. */
    record Given(Set<String> chosen, Map<Long, String> texts) {

        static final Given NONE = new Given(Set.of(), Map.of());

        public boolean has(long questionId, int value) {
            return chosen.contains(questionId + ":" + value);
        }

        public String text(long questionId) {
            return texts.getOrDefault(questionId, "");
        }
    }

    private final Surveys surveys;
    private final VoicePages pages;

    SurveyController(Surveys surveys, VoicePages pages) {
        this.surveys = surveys;
        this.pages = pages;
    }

    @GetMapping("/voice/surveys")
    String list(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Survey> open = surveys.openFor(viewer);
        Set<Long> done = surveys.respondedAmong(viewer, open.stream().map(Survey::id).toList());
        Map<Long, String> names = pages.unitNames(open.stream().map(Survey::unitId).toList());
        model.addAttribute("items", open.stream().map(s -> new Item(s, names.get(s.unitId()), done.contains(s.id())))
                .toList());
        return "voice/surveys";
    }

    @GetMapping("/voice/surveys/{surveyId}")
    String survey(@PathVariable long surveyId, Model model) {
        Viewer viewer = CurrentViewer.get();
        Survey s = surveys.forRespondent(viewer, surveyId);
        return page(viewer, s, Given.NONE, model);
    }

    private String page(Viewer viewer, Survey s, Given given, Model model) {
        model.addAttribute("survey", s);
        model.addAttribute("unitName", pages.unitNames(List.of(s.unitId())).get(s.unitId()));
        model.addAttribute("state", s.state(surveys.today()));
        model.addAttribute("responded", surveys.hasResponded(viewer, s.id()));
        model.addAttribute("questions", surveys.questions(s.id()));
        model.addAttribute("given", given);
        return "voice/survey";
    }

    /** The answers: {@code q<question id>} once per choice, score or text. */
    @PostMapping("/voice/surveys/{surveyId}")
    String respond(@PathVariable long surveyId, @RequestParam MultiValueMap<String, String> form, Model model,
                   RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Survey s = surveys.forRespondent(viewer, surveyId);
        Map<Long, List<String>> answers = new HashMap<>();
        Set<String> chosen = new HashSet<>();
        Map<Long, String> texts = new HashMap<>();
        for (Surveys.Question q : surveys.questions(surveyId)) {
            List<String> values = form.getOrDefault("q" + q.id(), List.of());
            answers.put(q.id(), values);
            if (q.kind().equals("TEXT")) {
                texts.put(q.id(), String.join("\n", values));
            } else {
                values.forEach(v -> chosen.add(q.id() + ":" + v.strip()));
            }
        }
        try {
            surveys.respond(viewer, surveyId, answers);
            redirect.addFlashAttribute("flash", "voice.survey.thanks");
            return "redirect:/voice/surveys/" + surveyId;
        } catch (Surveys.BadAnswer bad) {
            model.addAttribute("errorQuestion", bad.questionId());
            model.addAttribute("errorNumber", bad.number());
            model.addAttribute("errorKey", bad.messageKey());
            return page(viewer, s, new Given(chosen, texts), model);
        } catch (Refusal r) {
            redirect.addFlashAttribute("flashError", r.messageKey());
            return "redirect:/voice/surveys/" + surveyId;
        }
    }
}
