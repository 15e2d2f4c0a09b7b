package io.firstcontact.channels;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The channel edges talk to routing through its API only, and Asterisk-Java stays inside the voice edge's wrapping. */
@AnalyzeClasses(packages = "io.firstcontact.channels", importOptions = ImportOption.DoNotIncludeTests.class)
class ChannelAdaptersArchitectureTest {

    @ArchTest
    static final ArchRule adaptersNeverReachIntoTheServerOrTheEngine = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.firstcontact.server..",
                    "io.firstcontact.router.engine..",
                    "io.firstcontact.router.host..",
                    "io.firstcontact.router.view..",
                    "io.firstcontact.router.journal..");

    @ArchTest
    static final ArchRule asteriskJavaIsUsedOnlyWhereVoiceWrapsIt = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "io.firstcontact.channels.voice.ami..",
                    "io.firstcontact.channels.voice.agi..",
                    "io.firstcontact.channels.voice.calls..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.asteriskjava..");

    @ArchTest
    static final ArchRule asteriskJavaEventsBecomeOurRecordsInTheAmiPackage = noClasses()
            .that()
            .resideOutsideOfPackage("io.firstcontact.channels.voice.ami..")
            .and()
            .doNotHaveSimpleName("Resync")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.asteriskjava.manager.event..");
}
