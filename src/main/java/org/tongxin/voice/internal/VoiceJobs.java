package org.tongxin.voice.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongxin.shared.BackgroundJob;

/**
 * Chases overdue suggestion steps and moves pooled evaluation ballots and anonymous survey answers into the counted
 * ones.
 */
@BackgroundJob
class VoiceJobs {

    private static final Logger log = LoggerFactory.getLogger(VoiceJobs.class);

    private final SuggestionScheme suggestions;
    private final Evaluations evaluations;
    private final Surveys surveys;

    VoiceJobs(SuggestionScheme suggestions, Evaluations evaluations, Surveys surveys) {
        this.suggestions = suggestions;
        this.evaluations = evaluations;
        this.surveys = surveys;
    }

    @Scheduled(initialDelayString = "PT50S", fixedDelayString = "${tongxin.voice.job-interval:PT10M}")
    void run() {
        int chased = suggestions.chaseOverdue();
        int mixed = evaluations.mix();
        int answers = surveys.mix();
        if (chased + mixed + answers > 0) {
            log.info("Voice: {} overdue suggestions chased, {} ballots and {} anonymous survey answers counted", chased,
                    mixed, answers);
        }
    }
}
