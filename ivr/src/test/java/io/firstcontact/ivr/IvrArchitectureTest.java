package io.firstcontact.ivr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The IVR's shape: a pure engine under two front ends. An empty package fails the rules, so a rename cannot make them
 * pass by accident.
 */
@AnalyzeClasses(packages = "io.firstcontact.ivr", importOptions = DoNotIncludeTests.class)
class IvrArchitectureTest {

    @ArchTest
    static final ArchRule only_the_voice_front_end_speaks_asterisk = noClasses()
            .that()
            .resideOutsideOfPackage("io.firstcontact.ivr.voice..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.asteriskjava..")
            .because("Asterisk-Java stays at the edge: the flows, the engine and the text front end know no telephone");

    @ArchTest
    static final ArchRule the_engine_is_pure = classes()
            .that()
            .resideInAPackage("io.firstcontact.ivr.engine..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java.lang..",
                    "java.util..",
                    "java.time..",
                    "io.firstcontact.ivr.engine..",
                    "io.firstcontact.ivr.flow..",
                    "io.firstcontact.ivr.calendar..",
                    "io.firstcontact.ivr.payment..",
                    "io.firstcontact.router.api..")
            .because("a session is a state machine: no I/O, no threads, no logging, time only from its clock");

    @ArchTest
    static final ArchRule the_engine_never_reads_the_system_clock = noClasses()
            .that()
            .resideInAnyPackage("io.firstcontact.ivr.engine..", "io.firstcontact.ivr.calendar..")
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.LocalDate.class, "now")
            .orShould()
            .callMethod(java.time.InstantSource.class, "system")
            .because("every branch and timeout is tested with an injected clock");

    @ArchTest
    static final ArchRule layers_point_one_way =
            slices().matching("io.firstcontact.ivr.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_flows_know_nothing_of_sessions_or_front_ends = noClasses()
            .that()
            .resideInAPackage("io.firstcontact.ivr.flow..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.firstcontact.ivr.engine..",
                    "io.firstcontact.ivr.run..",
                    "io.firstcontact.ivr.voice..",
                    "io.firstcontact.ivr.text..");

    @ArchTest
    static final ArchRule the_ivr_builds_on_the_router_api_only = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.firstcontact.server..",
                    "io.firstcontact.channels..",
                    "io.firstcontact.router.engine..",
                    "io.firstcontact.router.host..")
            .because("the IVR reaches routing through its port; the server only wires it");
}
