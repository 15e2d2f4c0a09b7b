package io.firstcontact.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layering. Which module may use which is Maven's to enforce (each module's pom); these rules hold the
 * packages inside the server: the demo drives routing through the routing port only, nothing reaches into the
 * engine's internals, only the runtime touches Redis, meters come from the metrics module's binders, and the packages
 * form no cycle.
 */
@AnalyzeClasses(packages = "io.firstcontact.server", importOptions = DoNotIncludeTests.class)
class ServerArchitectureTest {

    @ArchTest
    static final ArchRule the_demo_drives_routing_through_the_port_only = noClasses()
            .that()
            .resideInAPackage("..server.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..server.api..", "..router.view..", "..router.host..", "..router.journal..", "..router.engine..")
            .because("the demo's simulated edges are edges like any adapter: commands in, committed decisions out");

    @ArchTest
    static final ArchRule nothing_outside_the_engine_reaches_into_its_internals = noClasses()
            .that()
            .resideInAPackage("io.firstcontact.server..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..router.engine.internal..")
            .because("the engine's state is its own; the server reads it through the public API and the facts");

    @ArchTest
    static final ArchRule only_the_runtime_talks_to_redis = noClasses()
            .that()
            .resideInAnyPackage("..server.api..", "..server.demo..", "..server.ops..", "..server.events..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.lettuce..")
            .because("Redis is the journal's: one place owns connections, timeouts and failures");

    @ArchTest
    static final ArchRule the_server_binds_meters_and_never_builds_one = noClasses()
            .that()
            .resideInAPackage("io.firstcontact.server..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.micrometer.core.instrument.Timer$Builder")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.micrometer.core.instrument.Counter$Builder")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.micrometer.core.instrument.Gauge$Builder")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.micrometer.core.instrument.DistributionSummary$Builder")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.micrometer.core.instrument.FunctionCounter$Builder")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.micrometer.core.instrument.LongTaskTimer$Builder")
            .because("every meter is built by a binder of the metrics module, named in its one file of names");

    @ArchTest
    static final ArchRule the_server_packages_form_no_cycle = slices().matching("io.firstcontact.server.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each package builds on the ones below it; a cycle makes both one package in disguise");
}
