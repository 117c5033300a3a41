package org.tongxin.insight.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongxin.voice.EvaluationBallots;
import org.tongxin.voice.SuggestionStages;
import org.tongxin.voice.VoiceHistory;

/**
 * Suggestions as one SUGGESTION fact per stage reached, in the reviewing unit; a round of evaluation as each officer's
 * ballots, scores, marks and satisfied ballots, in the officer's unit on the round's opening day.
 */
@Component
class VoiceFacts implements Source {

    private final Facts facts;
    private final VoiceHistory history;

    VoiceFacts(Facts facts, VoiceHistory history) {
        this.facts = facts;
        this.history = history;
    }

    @Override
    public void replay() {
        history.replaySuggestions(this::apply);
        history.replayEvaluations(this::apply);
    }

    @ApplicationModuleListener
    void on(SuggestionStages stages) {
        apply(stages);
    }

    @ApplicationModuleListener
    void on(EvaluationBallots ballots) {
        apply(ballots);
    }

    void apply(SuggestionStages s) {
        List<Fact> list = new ArrayList<>();
        List<SuggestionStages.Stage> stages = s.stages();
        for (int i = 0; i < stages.size(); i++) {
            SuggestionStages.Stage stage = stages.get(i);
            boolean last = i == stages.size() - 1;
            boolean ends = VoiceKinds.FINAL.contains(stage.status());
            LocalDate endsOn = ends ? stage.on() : last ? null : stages.get(i + 1).on();
            LocalDate dueOn = last && !ends ? s.dueOn() : null;
            BigDecimal value = stage.status().equals("VERIFIED") ? s.verifiedYuan() : null;
            list.add(new Fact(VoiceKinds.SUGGESTION, s.suggestionId() + ":" + i, s.unitId(), null, stage.status(),
                    stage.on(), endsOn, dueOn, value, null));
        }
        facts.replace("suggestion:" + s.suggestionId(), s.version(), list);
    }

    void apply(EvaluationBallots b) {
        List<Fact> list = new ArrayList<>();
        for (EvaluationBallots.Officer o : b.officers()) {
            String id = b.evaluationId() + ":" + o.employeeId();
            list.add(point(VoiceKinds.EVAL_BALLOTS, id, o, b, o.ballots()));
            if (o.ballots() > 0) {
                list.add(point(VoiceKinds.EVAL_SCORES, id, o, b, o.scoreSum()));
                list.add(point(VoiceKinds.EVAL_MARKS, id, o, b, o.scores()));
                list.add(point(VoiceKinds.EVAL_SATISFIED, id, o, b, o.satisfied()));
            }
        }
        facts.replace("evaluation:" + b.evaluationId(), b.version(), list);
    }

    private static Fact point(String kind, String id, EvaluationBallots.Officer o, EvaluationBallots b, long value) {
        return Fact.point(kind, id, o.unitId(), null, b.title(), b.opensOn(), BigDecimal.valueOf(value));
    }
}
