package io.firstcontact.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DesktopArchitectureTest {
    private static final JavaClasses DESKTOP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.firstcontact.desktop");

    @Test
    void theDesktopTalksToRoutingOnlyThroughItsApiReadModelAndJson() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.firstcontact.server..",
                        "io.firstcontact.router.engine..",
                        "io.firstcontact.router.host..",
                        "io.firstcontact.router.journal..")
                .check(DESKTOP);
    }

    @Test
    void signInKnowsNothingOfTheDesk() {
        noClasses()
                .that()
                .resideInAnyPackage("io.firstcontact.desktop.staff..", "io.firstcontact.desktop.push..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.firstcontact.desktop.desk..")
                .check(DESKTOP);
    }
}
