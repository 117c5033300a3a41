package org.tongxin.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tongxin's fat jar as a child process against the run's database, on a port the server picks itself
 * (a port chosen by the bench could be taken by a closing client connection before the server binds it).
 * Its console output goes to {@code bench/work/SCENARIO-app.log}.
 */
final class App implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port[s]?[(): ]*(\\d+)");
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    final String baseUrl;
    final Path log;
    private final Process process;
    private final Thread killOnExit;

    private App(Process process, String baseUrl, Path log, Thread killOnExit) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.killOnExit = killOnExit;
    }

    long pid() {
        return process.pid();
    }

    /**
     * @param jvmArgs extra JVM options (a scenario's profiler, say)
     * @param appArgs extra {@code --name=value} properties
     */
    static App start(Path jar, Database db, Path log, List<String> jvmArgs, List<String> appArgs,
                     Duration startTimeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(),
                "--spring.datasource.url=" + db.url,
                "--spring.datasource.username=" + db.user,
                "--spring.datasource.password=" + db.password,
                "--server.port=0",
                "--management.endpoint.health.probes.enabled=true"));
        command.addAll(appArgs);
        Files.deleteIfExists(log);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        // An interrupted bench (Ctrl-C) must not leave the server running.
        Thread killOnExit = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        App app = null;
        try {
            int port = awaitPort(process, log, startTimeout);
            app = new App(process, "http://127.0.0.1:" + port, log, killOnExit);
            app.awaitHealthy(startTimeout);
            return app;
        } finally {
            if (app == null) {
                process.destroyForcibly().waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            }
        }
    }

    private static int awaitPort(Process process, Path log, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("app exited with " + process.exitValue() + " during start-up:\n"
                        + Bench.tail(log, 30));
            }
            Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("app did not start within " + timeout + ":\n" + Bench.tail(log, 30));
    }

    /**
     * The port opens, and plain health says UP, before the application runners (the demo loader among them)
     * finish; the readiness group turns UP only after them.
     */
    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10)).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("app exited with " + process.exitValue() + ":\n" + Bench.tail(log, 30));
                }
                try {
                    HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting: try again below
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("app not healthy within " + timeout + ":\n" + Bench.tail(log, 30));
    }

    /** Graceful stop (the JVM writes its flight recording on the way out), forced after a bounded wait. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }
}
