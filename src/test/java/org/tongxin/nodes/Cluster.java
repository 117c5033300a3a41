package org.tongxin.nodes;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * One PostgreSQL (zonky, throw-away) and two Tongxin nodes on it, started once per test JVM and shared by every
 * multi-node and crash test: starting a node costs tens of seconds on a loaded machine. Node A loads the demo
 * enterprise at its first start; B starts on the filled database with the demo off. Both share one files directory
 * and the field key, and send text messages (the only outside channel switched on) to a sink in this JVM, so a test
 * can count what left the application.
 */
final class Cluster {

    /** The demo log-ins' password (DemoLoader); the tests clear their forced change over JDBC. */
    static final String DEMO_PASSWORD = "Tongxin@2026";

    private static Cluster shared;
    /** Why the cluster could not start: kept, so the next test class does not start it again over the same logs. */
    private static IllegalStateException failed;

    final EmbeddedPostgres db;
    final JdbcClient jdbc;
    final Node a;
    final Node b;
    /** Bodies of the text messages the nodes sent, in arrival order. */
    final List<String> sms = new CopyOnWriteArrayList<>();
    private final HttpServer smsSink;

    private Cluster(Path work) throws IOException, InterruptedException, SQLException {
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work);
        db = EmbeddedPostgres.builder().setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60)).start();
        Connection connection = DriverManager.getConnection(url(), "postgres", "");
        jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        smsSink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        smsSink.createContext("/sms", exchange -> {
            sms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        smsSink.start();
        String key = Base64.getEncoder().encodeToString("tongxin-two-nodes-test-key-32-bytes!".getBytes(
                StandardCharsets.US_ASCII));
        Path files = work.resolve("files");
        a = new Node("node-a", command("node-a", files, key, true), work.resolve("node-a.log"));
        b = new Node("node-b", command("node-b", files, key, false), work.resolve("node-b.log"));
        a.start();
        // The demo log-ins must change their password at the first log-in; these sessions carry on without.
        jdbc.sql("UPDATE account SET must_change_password = false WHERE must_change_password").update();
        b.start();
    }

    /** The cluster of this JVM, started at the first call; stopped when the JVM exits. */
    static synchronized Cluster get() {
        if (failed != null) {
            throw failed;
        }
        if (shared == null) {
            try {
                shared = new Cluster(Path.of("target", "nodes").toAbsolutePath());
            } catch (Exception e) {
                failed = new IllegalStateException("could not start the cluster (logs in target/nodes)", e);
                throw failed;
            }
            Cluster c = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(c::close));
        }
        return shared;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + db.getPort() + "/postgres";
    }

    /**
     * Node A runs with the demo, node B without. Each node's database sessions carry its name as
     * {@code application_name}, so a test sees in {@code pg_stat_activity} what a node is doing. Only B grades exam
     * attempts whose time ran out (A checks once a day, the first time a day after its start): CrashIT's kill of B
     * must cut a grading, which it cannot be sure of if A may have taken that batch.
     */
    private List<String> command(String name, Path files, String key, boolean demo) {
        List<String> c = new ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // Small and quick to start: these nodes serve a few hundred requests each.
        c.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                Path.of("target", "tongxin.jar").toAbsolutePath().toString()));
        c.addAll(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=16",
                "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name,
                // The demo's start publishes thousands of events whose listeners queue for the pool; on a machine
                // shared with other builds the start-up's own statements may wait minutes behind them.
                "--spring.datasource.hikari.connection-timeout=600000",
                "--tongxin.crypto.key=" + key,
                "--tongxin.demo.enabled=" + demo,
                "--tongxin.files.dir=" + files,
                "--tongxin.library.search.dir=",
                // Every simulated person logs in from the loopback address: the per-address log-in limit would
                // refuse the rush (the test profile exempts loopback the same way).
                "--tongxin.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1",
                "--management.endpoint.health.probes.enabled=true",
                "--tongxin.notify.sms.url=http://127.0.0.1:" + smsSink.getAddress().getPort() + "/sms",
                "--tongxin.notify.default-channels=SMS",
                "--tongxin.notify.send-interval=PT1S",
                "--tongxin.training.deadline-check=" + (demo ? "P1D" : "PT2S"),
                "--tongxin.events.resubmit-after=PT20S",
                "--tongxin.events.resubmit-interval=PT5S",
                "--logging.level.org.tongxin=INFO"));
        return c;
    }

    private void close() {
        // SIGKILL, both at once: failsafe gives the ending JVM only seconds, and a node left over would keep running.
        for (Node n : List.of(a, b)) {
            n.killNow();
        }
        smsSink.stop(0);
        try {
            db.close();
        } catch (IOException ignored) {
            // the JVM is going away; zonky's files are temporary
        }
    }
}
