package org.tongxin.nodes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Tongxin node: the packaged jar ({@code target/tongxin.jar}) as a child JVM on a port it picks itself, pointing at
 * the shared database and files directory. Its console goes to {@code target/nodes/NAME.log} (appended across
 * restarts, each start marked), for diagnosis when a test fails.
 */
final class Node {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port[s]?[(): ]*(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(20);

    final String name;
    private final List<String> command;
    private final Path log;
    private Process process;
    private String baseUrl;
    private long logOffset;

    Node(String name, List<String> command, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
    }

    String baseUrl() {
        return baseUrl;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts the node and waits until readiness says UP (after the application runners, the demo loader among them). */
    Node start() throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "\n===== start " + Instant.now() + " =====\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        logOffset = Files.size(log);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            baseUrl = "http://127.0.0.1:" + awaitPort(deadline);
            awaitReady(deadline);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // A node that did not come up must not outlive the tests.
            kill();
            throw e;
        }
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, what a power cut or the OOM killer does. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGKILL without waiting for the process to go (the test JVM is ending). */
    void killNow() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** What the node logged since its last start. */
    String logSinceStart() throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(logOffset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    private int awaitPort(long deadline) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up:\n"
                        + tail());
            }
            Matcher m = STARTED.matcher(logSinceStart());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not open its port in time:\n" + tail());
    }

    private void awaitReady(long deadline) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10)).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting: ask again below
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException(name + " not ready in time:\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = new ArrayList<>(List.of(logSinceStart().split("\n")));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
