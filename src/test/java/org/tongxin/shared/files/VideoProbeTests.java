package org.tongxin.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.tongxin.shared.web.Refusal;

/** Video length and poster with ffprobe/ffmpeg, and a server without them. */
class VideoProbeTests {

    @Test
    void withoutFfprobeAVideoIsAcceptedWithoutLengthOrPoster() throws Exception {
        VideoProbe probe = new VideoProbe("/nonexistent/ffprobe", "/nonexistent/ffmpeg");
        assertThat(probe.available()).isFalse();
        Path clip = Files.createTempFile("clip", ".mp4");
        try {
            Files.write(clip, new ClassPathResource("training/clip.mp4").getContentAsByteArray());
            assertThat(probe.probe(clip)).isEqualTo(new VideoProbe.Probe(null, null));
        } finally {
            Files.delete(clip);
        }
    }

    @Test
    void withFfprobeTheLengthAndAPosterAreReadAndAFileWithoutVideoIsRefused() throws Exception {
        VideoProbe probe = new VideoProbe("ffprobe", "ffmpeg");
        Assumptions.assumeTrue(probe.available(), "ffprobe is not installed");
        Path clip = Files.createTempFile("clip", ".mp4");
        try {
            Files.write(clip, new ClassPathResource("training/clip.mp4").getContentAsByteArray());
            VideoProbe.Probe p = probe.probe(clip);
            assertThat(p.durationS()).isEqualTo(3);
            assertThat(p.poster()).startsWith((byte) 0xFF, (byte) 0xD8);
            Files.write(clip, new ClassPathResource("training/lesson.pdf").getContentAsByteArray());
            assertThatThrownBy(() -> probe.probe(clip)).isInstanceOf(Refusal.class).hasMessage("media.error.notVideo");
        } finally {
            Files.delete(clip);
        }
    }
}
