package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ASVS V14.3.x / V2.10.4 and 等保 数据保密性: no secret is committed. Every file git tracks is read: none may hold a private
 * key or a token of a known shape, and no configuration file may give a password, secret, token or key a value other
 * than an environment placeholder, except the fake ones below, each with its reason.
 */
class RepositorySecretsTests {

    /** file → keys allowed a literal value there. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            // Fake credentials of the notify channels the tests aim at ports where nothing, or a local fake, listens,
            // and the scraper's password MetricsTests uses against the test's own server.
            "src/test/resources/application-test.properties",
            List.of("tongxin.notify.wecom.secret", "tongxin.notify.dingtalk.app-secret",
                    "tongxin.metrics.scrape-password"));

    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "-----BEGIN [A-Z ]*PRIVATE KEY-----",
            "AKIA[0-9A-Z]{16}",                                      // AWS access key id
            "gh[pousr]_[A-Za-z0-9]{36}",                             // GitHub token
            "xox[baprs]-[A-Za-z0-9-]{10,}",                          // Slack token
            "webhook/send\\?key=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", // WeCom robot key
            "access_token=[0-9a-f]{64}",                             // DingTalk robot token
            "\\bSEC[0-9a-f]{64}\\b",                                 // DingTalk signing secret
            "eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\."));    // a JWT

    private static final Pattern CONFIG_FILE = Pattern.compile(
            "(^|/)(application[^/]*\\.(properties|ya?ml)|[^/]*\\.env|\\.ci/run|bench/run|[^/]*\\.sh|[^/]*\\.conf)$");

    private static final Pattern ASSIGNED = Pattern.compile(
            "^\\s*(?:export\\s+)?([\\w.\\-\\[\\]]*(?:password|passwd|secret|token|api-?key|access-?key|private-?key"
                    + "|crypto\\.key|_key)[\\w.\\-\\[\\]]*)\\s*[=:]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private static List<String> trackedFiles() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as("git ls-files: %s", out).isZero();
        return Arrays.stream(out.split("\0")).filter(f -> !f.isBlank()).toList();
    }

    private static String text(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void noTrackedFileHoldsAKeyATokenOrAConfiguredSecret() throws Exception {
        List<String> files = trackedFiles();
        assertThat(files).contains("pom.xml", "src/main/resources/application.properties");
        List<String> found = new ArrayList<>();
        for (String name : files) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file) || Files.size(file) > 5_000_000) {
                continue;
            }
            String text = text(file);
            Matcher token = TOKEN.matcher(text);
            while (token.find()) {
                found.add(name + ": " + token.group());
            }
            if (CONFIG_FILE.matcher(name).find()) {
                Matcher m = ASSIGNED.matcher(text);
                while (m.find()) {
                    String value = m.group(2).strip().replaceAll("^[\"']|[\"']$", "");
                    boolean placeholder = value.isEmpty() || value.startsWith("${") || value.startsWith("$(")
                            || value.startsWith("…");
                    if (!placeholder && !ALLOWED.getOrDefault(name, List.of()).contains(m.group(1))) {
                        found.add(name + ": " + m.group(1) + " has a value");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScanSeesWhatItLooksFor() {
        assertThat(TOKEN.matcher("-----BEGIN RSA " + "PRIVATE KEY-----").find()).isTrue();
        assertThat(TOKEN.matcher("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa")
                .find()).as("not hex: an example, not a key").isFalse();
        assertThat(TOKEN.matcher("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa" + "-4bc4-97a0-0ec2bfa5aaa1")
                .find()).isTrue();
        Matcher m = ASSIGNED.matcher("spring.datasource.password=hunter2\ntongxin.crypto.key=${TONGXIN_CRYPTO_KEY:}");
        assertThat(m.find()).isTrue();
        assertThat(m.group(2)).isEqualTo("hunter2");
        assertThat(m.find()).isTrue();
        assertThat(m.group(2)).startsWith("${");
    }
}
