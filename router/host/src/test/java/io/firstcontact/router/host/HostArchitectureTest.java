package io.firstcontact.router.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The host reaches the engine through its public API and the world through the router API's ports. */
@AnalyzeClasses(packages = "io.firstcontact.router.host", importOptions = DoNotIncludeTests.class)
class HostArchitectureTest {

    @ArchTest
    static final ArchRule host_depends_on_ports_not_on_the_journal_implementation = noClasses()
            .that()
            .resideInAPackage("io.firstcontact.router.host..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.firstcontact.router.journal..", "io.lettuce..", "com.fasterxml..")
            .because("the host speaks to the journal through its port, so tests and other stores can stand in");

    @ArchTest
    static final ArchRule host_does_not_reach_into_the_engine = noClasses()
            .that()
            .resideInAPackage("io.firstcontact.router.host..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.firstcontact.router.engine.internal..")
            .because("the engine's state is its own: the host applies inputs and reads decisions");
}
