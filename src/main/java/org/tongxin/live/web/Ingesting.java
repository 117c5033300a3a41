package org.tongxin.live.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the presenter's encoder needs: the ingest address with the stream key, the exact ffmpeg command and the
 * settings of OBS's custom FFmpeg output (the same as docs/live.md gives).
 */
record Ingesting(String key, String url, String ffmpeg, String obsMuxer, String obsVideo) {

    static final String OBS_MUXER = "hls_time=2 hls_list_size=6 method=PUT";
    static final String OBS_VIDEO = "preset=veryfast tune=zerolatency";

    static Ingesting of(String baseUrl, String key) {
        String url = baseUrl + "/live/ingest/" + key + "/live.m3u8";
        String ffmpeg = "ffmpeg -re -i input.mp4 -c:v libx264 -preset veryfast -tune zerolatency -g 50 -c:a aac "
                + "-f hls -hls_time 2 -hls_list_size 6 -method PUT " + url;
        return new Ingesting(key, url, ffmpeg, OBS_MUXER, OBS_VIDEO);
    }

    /** {@code tongxin.public-url} when set (an encoder outside reaches the platform there), else this request's. */
    static String baseUrl(String publicUrl) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            String u = publicUrl.strip();
            return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
