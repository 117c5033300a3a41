package org.tongxin.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

class StaleEventResubmissionTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration AFTER = Duration.ofMinutes(5);

    @Test
    void aPublicationYoungerThanTheWaitIsLeftToTheNodeRunningIt() {
        assertThat(StaleEventResubmission.due(publication(NOW.minusSeconds(299), null, 0), NOW, AFTER)).isFalse();
        assertThat(StaleEventResubmission.due(publication(NOW.minusSeconds(300), null, 0), NOW, AFTER)).isTrue();
    }

    @Test
    void aPublicationThatFailedAgainWaitsTwiceAsLongEachTimeUpToADay() {
        Instant published = NOW.minus(Duration.ofDays(3));
        assertThat(StaleEventResubmission.due(publication(published, NOW.minusSeconds(599), 1), NOW, AFTER)).isFalse();
        assertThat(StaleEventResubmission.due(publication(published, NOW.minusSeconds(600), 1), NOW, AFTER)).isTrue();
        assertThat(StaleEventResubmission.due(publication(published, NOW.minus(Duration.ofMinutes(39)), 3), NOW, AFTER)).isFalse();
        assertThat(StaleEventResubmission.due(publication(published, NOW.minus(Duration.ofMinutes(40)), 3), NOW, AFTER)).isTrue();
        assertThat(StaleEventResubmission.due(publication(published, NOW.minus(Duration.ofHours(23)), 12), NOW, AFTER)).isFalse();
        assertThat(StaleEventResubmission.due(publication(published, NOW.minus(Duration.ofDays(1)), 12), NOW, AFTER)).isTrue();
    }

    private static EventPublication publication(Instant published, Instant lastResubmission, int attempts) {
        return new EventPublication() {
            @Override
            public UUID getIdentifier() {
                return UUID.randomUUID();
            }

            @Override
            public Object getEvent() {
                return "event";
            }

            @Override
            public Instant getPublicationDate() {
                return published;
            }

            @Override
            public Optional<Instant> getCompletionDate() {
                return Optional.empty();
            }

            @Override
            public Status getStatus() {
                return Status.FAILED;
            }

            @Override
            public Instant getLastResubmissionDate() {
                return lastResubmission;
            }

            @Override
            public int getCompletionAttempts() {
                return attempts;
            }
        };
    }
}
