package org.tongxin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.tongxin.demo.Scale;

/**
 * What every scenario gets: the project root, a scratch directory, the run's database, the scale, and a way
 * to start the app on the database without demo data (a scenario loads its own, see {@link EnterpriseSeed}).
 *
 * @param work scratch directory ({@code bench/work}), git-ignored
 */
record Harness(Path root, Path work, Database db, Scale scale) {

    /** The demo loader's default seed, so the bench's enterprise is the one the demo would be. */
    static final long SEED = 2026;
    /** A fixed field key, so a scenario can recompute the blind indexes the app stores for phones and ID numbers. */
    static final byte[] CRYPTO_KEY = "tongxin-bench-field-key-not-secret!!".getBytes(StandardCharsets.US_ASCII);

    /** The first administrator's password, set at start-up so no forced change is due. */
    static final String ADMIN_PASSWORD = "Bench2026-admin";
    static final String ADMIN = "admin";
    // Generous: on the shared 2-core machine, with other builds running, a start has taken over 3 minutes.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    /**
     * Extra {@code --name=value} properties for the app from {@code BENCH_APP_ARGS} (space-separated), for what-if
     * runs only; {@link Bench} records them in the result as {@code experiment_app_args}.
     */
    static List<String> experimentAppArgs() {
        String extra = System.getenv("BENCH_APP_ARGS");
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    App startApp(String name, List<String> jvmArgs) throws IOException, InterruptedException {
        return startApp(name, jvmArgs, List.of());
    }

    /** @param scenarioArgs properties the scenario itself needs (not an experiment: see {@link #experimentAppArgs}) */
    App startApp(String name, List<String> jvmArgs, List<String> scenarioArgs) throws IOException, InterruptedException {
        Bench.progress("starting the app");
        List<String> appArgs = new java.util.ArrayList<>(List.of("--tongxin.demo.enabled=false",
                "--tongxin.admin.password=" + ADMIN_PASSWORD,
                "--tongxin.crypto.key=" + Base64.getEncoder().encodeToString(CRYPTO_KEY),
                // thousands of simulated people log in and post from this one machine: no per-address limit
                "--tongxin.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1",
                // the importer logs its phases at DEBUG; the app log keeps them for the report
                "--logging.level.org.tongxin.org.internal.imports=DEBUG"));
        appArgs.addAll(scenarioArgs);
        appArgs.addAll(experimentAppArgs());
        App app = App.start(root.resolve("target/tongxin.jar"), db, work.resolve(name + "-app.log"), jvmArgs, appArgs,
                START_TIMEOUT);
        Bench.progress("app ready at " + app.baseUrl + " (pid " + app.pid() + ")");
        return app;
    }
}
