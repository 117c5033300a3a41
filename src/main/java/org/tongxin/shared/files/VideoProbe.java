package org.tongxin.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.shared.web.Refusal;

/**
 * Reads an uploaded video with {@code ffprobe} (length, codec) and takes a poster frame with {@code ffmpeg}, when
 * those tools are installed. Without them a video is accepted as it is: no length (the lesson then completes when
 * the video is played to its end) and no poster. With them, a file without a video stream is refused, and so is
 * one not in H.264, the one codec every phone browser plays.
 */
@Component
public class VideoProbe {

    /** What was learnt of a video: its length in whole seconds and a JPEG poster, each null when unknown. */
    public record Probe(Integer durationS, byte[] poster) {
    }

    private static final Logger log = LoggerFactory.getLogger(VideoProbe.class);
    private static final long TIMEOUT_S = 60;

    private final String ffprobe;
    private final String ffmpeg;
    private volatile Boolean available;

    VideoProbe(@Value("${tongxin.media.ffprobe:ffprobe}") String ffprobe,
               @Value("${tongxin.media.ffmpeg:ffmpeg}") String ffmpeg) {
        this.ffprobe = ffprobe;
        this.ffmpeg = ffmpeg;
    }

    /** Whether ffprobe runs here (checked once). */
    public boolean available() {
        if (available == null) {
            available = run(List.of(ffprobe, "-version")).ok();
            if (!available) {
                log.warn("{} is not installed: videos are accepted without length or poster", ffprobe);
            }
        }
        return available;
    }

    public Probe probe(Path video) {
        if (!available()) {
            return new Probe(null, null);
        }
        Result r = run(List.of(ffprobe, "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name:format=duration", "-of", "default=noprint_wrappers=1", video.toString()));
        String codec = null;
        Double seconds = null;
        for (String line : r.output().split("\n")) {
            if (line.startsWith("codec_name=")) {
                codec = line.substring("codec_name=".length()).strip();
            } else if (line.startsWith("duration=")) {
                try {
                    seconds = Double.parseDouble(line.substring("duration=".length()).strip());
                } catch (NumberFormatException e) {
                    seconds = null;
                }
            }
        }
        if (!r.ok() || codec == null) {
            throw new Refusal("media.error.notVideo");
        }
        if (!codec.equals("h264")) {
            throw new Refusal("media.error.videoCodec");
        }
        Integer durationS = seconds == null || seconds <= 0 ? null : (int) Math.round(seconds);
        return new Probe(durationS, poster(video, seconds));
    }

    /** A frame a second in (or from the middle of a shorter video), at most 640 pixels wide; null if it fails. */
    private byte[] poster(Path video, Double seconds) {
        double at = seconds == null ? 0 : Math.min(1.0, seconds / 2);
        Path out = null;
        try {
            out = Files.createTempFile("poster", ".jpg");
            Result r = run(List.of(ffmpeg, "-v", "error", "-y", "-ss", String.format(Locale.ROOT, "%.2f", at), "-i", video.toString(),
                    "-frames:v", "1", "-vf", "scale='min(640,iw)':-2", "-q:v", "4", out.toString()));
            return r.ok() && Files.size(out) > 0 ? Files.readAllBytes(out) : null;
        } catch (IOException e) {
            log.warn("No poster for {}", video, e);
            return null;
        } finally {
            delete(out);
        }
    }

    private record Result(boolean ok, String output) {
    }

    private static Result run(List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("ffprobe", ".out");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(false, "");
            }
            return new Result(p.exitValue() == 0, Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(false, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "");
        } finally {
            delete(output);
        }
    }

    /** Removes a temporary file of ours. */
    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
