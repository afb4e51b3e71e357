package dev.stockroom;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The architecture as rules: module boundaries (Spring Modulith), the layering inside a module (ArchUnit), and
 * the module documentation under {@code docs/modules}, written from the code on every run so it cannot drift
 * (commit it when it changes).
 */
class ModularityTest {

    static final Path DOCS = Path.of("docs", "modules");

    static final ApplicationModules MODULES = ApplicationModules.of(StockroomApplication.class);

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stockroom");

    @Test
    void moduleBoundariesHold() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
        sortRelationships(DOCS);
    }

    /**
     * Structurizr emits a diagram's relationships in no fixed order; sorting each run of {@code Rel(..)} lines
     * (their order means nothing to PlantUML) makes the committed files change only when the architecture does.
     */
    private static void sortRelationships(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path diagram :
                    files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                var sorted = new ArrayList<String>();
                var run = new ArrayList<String>();
                for (String line : Files.readAllLines(diagram)) {
                    if (line.startsWith("Rel(")) {
                        run.add(line);
                        continue;
                    }
                    Collections.sort(run);
                    sorted.addAll(run);
                    run.clear();
                    sorted.add(line);
                }
                Collections.sort(run);
                sorted.addAll(run);
                Files.write(diagram, sorted);
            }
        }
    }

    @Test
    void webCodeNeverTouchesSql() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat(describe(
                        "are JDBC access (JdbcClient, JdbcTemplate, NamedParameterJdbcTemplate)",
                        (JavaClass type) -> type.isAssignableTo(JdbcClient.class)
                                || type.isAssignableTo(JdbcOperations.class)
                                || type.isAssignableTo(NamedParameterJdbcOperations.class)))
                .check(CLASSES);
    }

    @Test
    void repositoriesAndRowsAreNotPublic() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .or()
                .haveSimpleNameEndingWith("Row")
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void domainDependsOnNeitherWebNorPersistence() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "org.springframework.jdbc..")
                .check(CLASSES);
    }
}
