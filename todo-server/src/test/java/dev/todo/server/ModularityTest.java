package dev.todo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Features reach each other only through their public types: no cycles, no reaching into internals. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(TodoServerApplication.class);

    @Test
    void featureModulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** The module diagrams (PlantUML) and canvases, in target/spring-modulith-docs: generated, not drawn. */
    @Test
    void documentsTheModules() throws Exception {
        Path overview = Path.of("target/spring-modulith-docs/components.puml");
        Files.deleteIfExists(overview);

        new Documenter(modules).writeDocumentation();

        assertThat(overview).content().contains("\"Account\"", "\"Task\"", "\"Notification\"", "\"Security\"");
    }
}
