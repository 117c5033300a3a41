package org.tongxin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tongxin.notify.internal.ChannelName;

/**
 * Every notice template used in the code has a title and a body in both languages, with the same placeholders, and
 * every template in the files is used; apostrophes are doubled (MessageFormat would drop a single one).
 */
class NoticeTemplatesTests {

    private static final Pattern USE = Pattern.compile("Message\\.of\\(\\s*NoticeKind\\.(\\w+),\\s*\"([a-z0-9.-]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static TreeMap<String, String> used() throws IOException {
        TreeMap<String, String> used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    used.put(m.group(2), f.getFileName().toString());
                }
            }
        }
        return used;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyTemplateInTheCodeHasATitleAndBodyInBothLanguagesWithTheSamePlaceholders() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        TreeMap<String, String> used = used();
        assertThat(used).containsKey("notify.test");
        for (String template : used.keySet()) {
            for (String part : new String[]{".title", ".body"}) {
                String key = "notice." + template + part;
                assertThat(en.getProperty(key)).as(key + " in English (" + used.get(template) + ")").isNotNull();
                assertThat(zh.getProperty(key)).as(key + " in Chinese (" + used.get(template) + ")").isNotNull();
                assertThat(placeholders(zh.getProperty(key))).as(key + " placeholders")
                        .isEqualTo(placeholders(en.getProperty(key)));
                for (String text : new String[]{en.getProperty(key), zh.getProperty(key)}) {
                    assertThat(text.replace("''", "")).as(key + ": write '' for an apostrophe").doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyTemplateInTheFilesIsUsed() throws IOException {
        Set<String> defined = new TreeSet<>();
        for (String key : load("messages.properties").stringPropertyNames()) {
            if (key.startsWith("notice.") && key.endsWith(".title")) {
                defined.add(key.substring("notice.".length(), key.length() - ".title".length()));
            }
        }
        assertThat(used().keySet()).containsAll(defined);
    }

    @Test
    void everyKindAndChannelHasANameInBothLanguages() throws IOException {
        for (Properties p : new Properties[]{load("messages.properties"), load("messages_zh_CN.properties")}) {
            for (NoticeKind kind : NoticeKind.values()) {
                assertThat(p.getProperty("notify.kind." + kind.name())).isNotBlank();
            }
            for (ChannelName channel : ChannelName.values()) {
                assertThat(p.getProperty("notify.channel." + channel.name())).isNotBlank();
            }
        }
    }
}
