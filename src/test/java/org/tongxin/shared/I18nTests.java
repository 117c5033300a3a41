package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.UnitKind;
import org.tongxin.org.internal.imports.Column;
import org.tongxin.shared.security.Role;

/** Every visible string is a key present in both languages. */
class I18nTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");
    private static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:import|unit|password|accounts|employee|login|error|membership|file|care|activity|venue|volunteer|training|library|publicity|media|live|voice|rights|notify|benefits|insight)\\.[a-zA-Z.]+[a-zA-Z])\"");

    /** Notice template names are key parts ({@code notice.<name>.title}), checked by NoticeTemplatesTests. */
    private static final Pattern NOTICE_TEMPLATE = Pattern.compile("Message\\.of\\(\\s*NoticeKind\\.\\w+,\\s*\"([a-z0-9.-]+)\"");

    private static final Pattern AUDIT_ACTION = Pattern.compile("\\.record(?:All)?\\(\\s*\\w+,\\s*\"([a-zA-Z.]+)\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        assertThat(zh).containsExactlyElementsOf(en);
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                collect(TEMPLATE_KEY, Files.readString(f), used);
            }
        }
        Set<String> inCode = new TreeSet<>();
        Set<String> auditActions = new TreeSet<>();
        Set<String> noticeTemplates = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f);
                collect(CODE_KEY, code, inCode);
                collect(AUDIT_ACTION, code, auditActions);
                collect(NOTICE_TEMPLATE, code, noticeTemplates);
            }
        }
        // Audit actions are written as plain names and shown as audit.action.<name>.
        inCode.removeAll(auditActions);
        inCode.removeAll(noticeTemplates);
        used.addAll(inCode);
        auditActions.forEach(a -> used.add("audit.action." + a));
        assertThat(auditActions).contains("employee.import", "unit.move", "grant.add");
        for (UnitKind k : UnitKind.values()) {
            used.add(k.messageKey());
        }
        for (EmployeeStatus s : EmployeeStatus.values()) {
            used.add(s.messageKey());
        }
        for (Column c : Column.values()) {
            used.add(c.messageKey());
        }
        for (Role r : Role.values()) {
            used.add("role." + r.name());
        }
        Set<String> en = load("messages.properties").stringPropertyNames();
        Set<String> zh = load("messages_zh_CN.properties").stringPropertyNames();
        used.removeIf(k -> k.endsWith("."));
        assertThat(en).containsAll(used);
        assertThat(zh).containsAll(used);
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
