package org.tongxin.voice;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.tongxin.voice.internal.VoiceSnapshots;

/** Voice's history as the snapshots it publishes, for rebuilding figures kept elsewhere from scratch. */
@Service
public class VoiceHistory {

    private static final int PAGE = 5_000;

    private final VoiceSnapshots snapshots;

    VoiceHistory(VoiceSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Every suggestion's stages, a page at a time, each as a {@link SuggestionStages} with version 0. */
    public void replaySuggestions(Consumer<SuggestionStages> sink) {
        long after = 0;
        while (true) {
            List<SuggestionStages> page = snapshots.suggestions(after, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().suggestionId();
        }
    }

    /** Every round's counted ballots, a page of rounds at a time, each as an {@link EvaluationBallots} with version 0. */
    public void replayEvaluations(Consumer<EvaluationBallots> sink) {
        long after = 0;
        while (true) {
            List<EvaluationBallots> page = snapshots.evaluations(after, PAGE, 0);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().evaluationId();
        }
    }
}
