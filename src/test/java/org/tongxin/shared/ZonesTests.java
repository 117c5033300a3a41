package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.web.Zones;

class ZonesTests {

    private final Zones shanghai = new Zones() {
        @Override
        public ZoneId zone() {
            return ZoneId.of("Asia/Shanghai");
        }
    };

    @Test
    void aMomentFromTheDatabaseIsShownOnThePlatformsClockAndDatesAreLeftAlone() {
        OffsetDateTime fromDb = OffsetDateTime.of(2026, 11, 27, 8, 0, 0, 0, ZoneOffset.UTC);
        assertThat(((ZonedDateTime) shanghai.local(fromDb)).getHour()).isEqualTo(16);
        assertThat(shanghai.local(LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(shanghai.local(null)).isNull();
    }

    @Test
    void everyTemplateFormatsMomentsOnThePlatformsClock() throws IOException {
        Pattern format = Pattern.compile("#temporals\\.format\\((?!@zones\\.local\\()");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> bare = files.filter(f -> f.toString().endsWith(".html")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> format.matcher(l).find())
                            .map(l -> f + ": " + l.strip());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            assertThat(bare).as("format through @zones.local(…)").isEmpty();
        }
    }
}
