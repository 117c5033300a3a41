package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TongxinApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublishedApiAndHaveNoCycles() {
        modules.verify();
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("org", "identity", "notify", "demo");
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        new Documenter(modules).writeDocumentation();
        Path docs = Path.of("target", "spring-modulith-docs");
        assertThat(Files.list(docs).map(p -> p.getFileName().toString()))
                .contains("components.puml", "module-org.puml");
    }
}
