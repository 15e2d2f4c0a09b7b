package io.firstcontact.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layering: the read model and the demo know nothing of HTTP; the demo and the API reach routing only
 * through the {@link io.firstcontact.server.runtime.RoutingGateway} (never the engine's internals); nothing but the
 * runtime touches Redis.
 */
@AnalyzeClasses(packages = "io.firstcontact.server", importOptions = DoNotIncludeTests.class)
class ServerArchitectureTest {

    @ArchTest
    static final ArchRule the_read_model_knows_no_http_and_no_api = noClasses()
            .that()
            .resideInAPackage("..server.view..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.vertx..", "..server.api..", "..server.events..", "..server.demo..")
            .because("the read model is fed committed entries and queried; how it is served is the API's business");

    @ArchTest
    static final ArchRule the_demo_drives_routing_through_the_gateway_only = noClasses()
            .that()
            .resideInAPackage("..server.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..server.api..",
                    "..server.view..",
                    "..router.host..",
                    "..router.journal..",
                    "..router.engine.internal..")
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
            .resideInAnyPackage("..server.api..", "..server.view..", "..server.demo..", "..server.ops..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.lettuce..")
            .because("Redis is the journal's: one place owns connections, timeouts and failures");
}
