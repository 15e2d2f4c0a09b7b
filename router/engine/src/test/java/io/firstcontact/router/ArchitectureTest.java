package io.firstcontact.router;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * Architecture rules for the routing engine ({@code io.firstcontact.router.engine..}) and the domain it speaks (the
 * router API's commands, facts, effects, model and configuration).
 *
 * <p>The engine is a pure, deterministic function of its inputs: the same sequence of events must
 * always produce the same routing decisions. Time, randomness, threads and hash-ordered iteration
 * must therefore come in from outside (as explicit inputs), never from inside the engine.
 *
 * <p>An empty package fails them: renaming the engine cannot make them pass by accident.
 */
@AnalyzeClasses(packages = "io.firstcontact.router", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ENGINE = "io.firstcontact.router.engine..";

    /** The router API without its ports: records and enums the engine reads and returns. */
    private static final String[] DOMAIN = {
        "io.firstcontact.router.api",
        "io.firstcontact.router.api.command..",
        "io.firstcontact.router.api.config..",
        "io.firstcontact.router.api.event..",
        "io.firstcontact.router.api.model.."
    };

    /** The engine and the domain: what the rules below hold pure. */
    private static final String[] PURE = {
        ENGINE,
        "io.firstcontact.router.api",
        "io.firstcontact.router.api.command..",
        "io.firstcontact.router.api.config..",
        "io.firstcontact.router.api.event..",
        "io.firstcontact.router.api.model.."
    };

    @ArchTest
    static final ArchRule engine_depends_only_on_the_jdk_and_itself = classes()
            .that()
            .resideInAPackage(ENGINE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(concat(new String[] {"java..", ENGINE}, DOMAIN))
            .because("the engine is pure JDK and the domain: adapters, ports, I/O and libraries live outside it");

    @ArchTest
    static final ArchRule the_domain_depends_only_on_the_jdk_and_itself = classes()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(concat(new String[] {"java.."}, DOMAIN))
            .because("commands, facts and the model are plain records every module can use");

    @ArchTest
    static final ArchRule the_account_port_depends_only_on_the_jdk_and_the_model = classes()
            .that()
            .resideInAPackage("io.firstcontact.router.api.account..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.firstcontact.router.api.account..", "io.firstcontact.router.api.model..")
            .because("the desktop, the IVR and chat build on the account directory port without its implementations");

    @ArchTest
    static final ArchRule engine_does_not_read_the_clock = noClasses()
            .that()
            .resideInAnyPackage(PURE)
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethodWhere(callOf("java.time", "now", "java.time.*.now(..)"))
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(java.time.InstantSource.class)
            .because("time is an input of the engine (the event's timestamp), so that runs replay exactly");

    @ArchTest
    static final ArchRule engine_uses_no_randomness = noClasses()
            .that()
            .resideInAnyPackage(PURE)
            .should()
            .dependOnClassesThat()
            .areAssignableTo(java.util.random.RandomGenerator.class)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("java.util.random..")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(java.util.Random.class)
            .orShould()
            .callMethod(Math.class, "random")
            .orShould()
            .callMethod(StrictMath.class, "random")
            .orShould()
            .callMethod(java.util.UUID.class, "randomUUID")
            .orShould()
            .callMethodWhere(callOf("java.util.Collections", "shuffle", "Collections.shuffle(..)"))
            .because("the engine must be deterministic: any tie-break is an explicit, ordered rule");

    @ArchTest
    static final ArchRule engine_is_single_threaded = noClasses()
            .that()
            .resideInAnyPackage(PURE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.util.concurrent..")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Thread.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(ThreadLocal.class)
            .because("the engine is single-threaded; concurrency belongs to the server around it");

    @ArchTest
    static final ArchRule engine_uses_no_hash_ordered_collections = noClasses()
            .that()
            .resideInAnyPackage(PURE)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.HashMap")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.HashSet")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.IdentityHashMap")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.WeakHashMap")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.Hashtable")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.Properties")
            .orShould()
            .callMethodWhere(callOf("java.util.Set", Set.of("of", "copyOf"), "Set.of/copyOf(..)"))
            .orShould()
            .callMethodWhere(
                    callOf("java.util.Map", Set.of("of", "ofEntries", "copyOf"), "Map.of/ofEntries/copyOf(..)"))
            .orShould()
            .callMethodWhere(
                    callOf(
                            "java.util.stream.Collectors",
                            Set.of(
                                    "toSet",
                                    "toMap",
                                    "groupingBy",
                                    "toUnmodifiableSet",
                                    "toUnmodifiableMap",
                                    "toConcurrentMap",
                                    "groupingByConcurrent"),
                            "Collectors.toSet/toMap/groupingBy/toUnmodifiable{Set,Map}/toConcurrentMap/groupingByConcurrent(..)"))
            .because("hash-ordered iteration can differ between runs and JDKs; use LinkedHashMap,"
                    + " LinkedHashSet, TreeMap, TreeSet, EnumMap or lists so the iteration order is defined");

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A call of a method named {@code name} on a class in {@code packageOrClass}. */
    private static DescribedPredicate<JavaMethodCall> callOf(String packageOrClass, String name, String description) {
        return callOf(packageOrClass, Set.of(name), description);
    }

    /** A call of one of {@code names} on the class, or on any class of the package, {@code packageOrClass}. */
    private static DescribedPredicate<JavaMethodCall> callOf(
            String packageOrClass, Set<String> names, String description) {
        return DescribedPredicate.describe(description, call -> {
            JavaClass owner = call.getTargetOwner();
            boolean ownerMatches = owner.getName().equals(packageOrClass)
                    || owner.getPackageName().equals(packageOrClass);
            return ownerMatches && names.contains(call.getName());
        });
    }
}
