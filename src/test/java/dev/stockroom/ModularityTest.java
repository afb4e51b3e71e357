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
import java.util.List;
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
     * Structurizr emits a diagram's relationships, and the Documenter a module's lists (events listened to,
     * beans...), in no fixed order; sorting each run of {@code Rel(..)} lines and of list items (their order means
     * nothing) makes the committed files change only when the architecture does.
     */
    private static void sortRelationships(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.toString();
                if (name.endsWith(".puml")) {
                    Files.write(file, sortedRuns(Files.readAllLines(file), "Rel("));
                } else if (name.endsWith(".adoc")) {
                    Files.write(file, sortedRuns(Files.readAllLines(file), "* `"));
                }
            }
        }
    }

    /**
     * The lines with each run of lines that start with {@code prefix} sorted; in a table cell the first item
     * starts with {@code |}, which stays on the first line of the run. A blank line after an item, before the
     * next item or the table's next cell, is dropped: the Documenter writes one after some items, so where it
     * fell would depend on their order.
     */
    private static List<String> sortedRuns(List<String> lines, String prefix) {
        var sorted = new ArrayList<String>();
        var run = new ArrayList<String>();
        boolean cell = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()
                    && !run.isEmpty()
                    && i + 1 < lines.size()
                    && (lines.get(i + 1).startsWith(prefix) || lines.get(i + 1).startsWith("|"))) {
                continue;
            }
            boolean opensCell = line.startsWith("|" + prefix);
            if (line.startsWith(prefix) && !run.isEmpty() || opensCell) {
                if (opensCell) {
                    flush(sorted, run, cell);
                    cell = true;
                    run.add(line.substring(1));
                } else {
                    run.add(line);
                }
                continue;
            }
            if (line.startsWith(prefix)) {
                flush(sorted, run, cell);
                cell = false;
                run.add(line);
                continue;
            }
            flush(sorted, run, cell);
            cell = false;
            sorted.add(line);
        }
        flush(sorted, run, cell);
        return sorted;
    }

    private static void flush(List<String> sorted, List<String> run, boolean cell) {
        Collections.sort(run);
        for (int i = 0; i < run.size(); i++) {
            sorted.add(i == 0 && cell ? "|" + run.get(i) : run.get(i));
        }
        run.clear();
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
