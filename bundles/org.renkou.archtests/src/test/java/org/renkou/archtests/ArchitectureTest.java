package org.renkou.archtests;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture of Renkou as tests (issue 14, item 6): which bundle may use which package. Each rule says in its
 * {@code because} what it protects and how to fix a violation; docs/architecture.md explains the layout.
 *
 * <p>The classes are the main classes of every bundle, read from this module's test class path (see its pom); test
 * classes are left out. A rule about packages that do not exist yet (a future module) passes until they do.
 */
@AnalyzeClasses(packages = "org.renkou", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The most top-level classes a package may hold (CONVENTIONS: one domain a package). */
    static final int MAX_CLASSES = 15;

    /** a. The core knows no province and no module. */
    @ArchTest
    static final ArchRule coreKnowsNoProvinceOrModule = noClasses()
            .that().resideInAPackage("org.renkou.core..")
            .should().dependOnClassesThat().resideInAnyPackage(provincesAndModules())
            .because("the core (org.renkou.core and its API) must start with any set of provinces and modules, or "
                    + "none: it reaches them only through extension points in its API (RegionalPolicy, "
                    + "RenkouModules, UI contributions), never by naming their classes. Move the shared type into "
                    + "org.renkou.core.api or org.renkou.module.api, or let the province/module register a service");

    /** b. A module compiles against the API bundles only. */
    @ArchTest
    static final ArchRule moduleUsesOnlyApiBundles = classes()
            .that().resideInAnyPackage(modules())
            .should(useOfRenkouOnlyTheirOwnBundleAnd(Bundles.MODULE_API))
            .because("a module (warehouse, school, association, or a provincial IT team's) is built against "
                    + "org.renkou.core.api and org.renkou.module.api only, so that the core can change inside "
                    + "without breaking it and the module can be switched off alone. Use or add an API type instead "
                    + "of the core's implementation class");

    /** c. No cycles between the core's domain packages (org.renkou.core.internal.resident, .household, ...). */
    @ArchTest
    static final ArchRule noCyclesInCore = domainPackagesFreeOfCycles("org.renkou.core.internal");

    /** c. The same for the core's REST resources (bundle org.renkou.rest.core, split by domain). */
    @ArchTest
    static final ArchRule noCyclesInRestCore = domainPackagesFreeOfCycles("org.renkou.rest.core.internal")
            .allowEmptyShould(true);

    /**
     * c. No cycles between the {@code .internal} packages of any bundle, the {@code .internal} package itself
     * included: a module's shared parts (its descriptor, database, DTOs) sit in {@code .internal} and must not need
     * the domains built on them ({@code org.renkou.school.internal.exams} ...).
     */
    @ArchTest
    static final ArchRule noCyclesBetweenInternalPackages = slices().assignedFrom(Bundles.INTERNAL_PACKAGES)
            .should().beFreeOfCycles()
            .because("each .internal package (a domain, or the shared parts in .internal itself) must be "
                    + "understandable and changeable on its own; when two of them need each other, move the shared "
                    + "part into the package both use (.internal, or the API)");

    /** Readability: no package of more than {@value #MAX_CLASSES} top-level classes. */
    @ArchTest
    static void noPackageHasMoreThan15Classes(JavaClasses classes) {
        Map<String, Set<String>> byPackage = new TreeMap<>();
        classes.stream().filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .forEach(c -> byPackage.computeIfAbsent(c.getPackageName(), p -> new TreeSet<>()).add(c.getSimpleName()));
        List<String> tooBig = byPackage.entrySet().stream().filter(e -> e.getValue().size() > MAX_CLASSES)
                .map(e -> e.getKey() + " (" + e.getValue().size() + ": " + e.getValue() + ")").toList();
        if (!tooBig.isEmpty()) {
            throw new AssertionError("These packages have more than " + MAX_CLASSES + " top-level classes: " + tooBig
                    + ". One domain a package (CONVENTIONS): split it by domain into subpackages, e.g. "
                    + "org.renkou.school.internal.exams, the parts the domains share staying in .internal.");
        }
    }

    /** d. JPA entities never leave the bundle that maps them. */
    @ArchTest
    static final ArchRule entitiesStayInTheirBundle = classes()
            .that(Bundles.JPA_MAPPED.and(not(Bundles.API)))
            .should(onlyBeUsedInTheirOwnBundle())
            .because("an entity is the database table of one bundle's persistence unit: other bundles (REST, "
                    + "documents, modules) get DTOs from that bundle's services, so the table can change without "
                    + "them. A @MappedSuperclass in an API package is meant to be extended and is exempt");

    /** d. Entities live in .internal packages, which bnd never exports. */
    @ArchTest
    static final ArchRule entitiesAreInternal = classes()
            .that(Bundles.JPA_ENTITY)
            .should().resideInAPackage("..internal..")
            .because("entities belong in the bundle's .internal.entities package (CONVENTIONS 12): .internal "
                    + "packages are never exported, so no other bundle can reach them");

    /** d. No bundle uses another bundle's .internal package. */
    @ArchTest
    static final ArchRule noBundleUsesAnothersInternals = classes()
            .that().resideInAPackage("org.renkou..")
            .should(notUseInternalsOfOtherBundles())
            .because("an .internal package is the implementation of its own bundle, never exported (CONVENTIONS "
                    + "2): another bundle cannot load it at run time, and depending on it couples you to details. "
                    + "Use the owning bundle's API (a service or DTO in an .api package)");

    /** e. API packages use no implementation. */
    @ArchTest
    static final ArchRule apiUsesOnlyApi = noClasses()
            .that(Bundles.API)
            .should().dependOnClassesThat(resideInAPackage("org.renkou..").and(not(Bundles.API)))
            .because("API packages (org.renkou.core.api, org.renkou.module.api, any org.renkou.*.api) are what "
                    + "provinces and modules compile against and are versioned by the bnd baseline; they may name "
                    + "other API types only, never an .internal or implementation class");

    /** Provinces, like modules, compile against the API and their kit only. */
    @ArchTest
    static final ArchRule provinceUsesOnlyApiAndKit = classes()
            .that().resideInAPackage(Bundles.PROVINCES)
            .should(useOfRenkouOnlyTheirOwnBundleAnd(Bundles.PROVINCE_API))
            .because("a province bundle holds one province's rules, written against the API (RegionalPolicy, "
                    + "PolicyRegistry ...) and org.renkou.province.kit only, so provinces can be added and replaced "
                    + "without touching the core or each other; rules two provinces share go into the kit");

    /** Every bundle with Java code is analysed: a new bundle must be added to this module's pom. */
    @ArchTest
    static void everyBundleIsAnalysed(JavaClasses classes) throws IOException {
        Path bundlesFolder = Path.of(System.getProperty("renkou.bundles", ".."));
        Set<String> seen = classes.stream().map(Bundles::of).collect(Collectors.toSet());
        // a class copied into several jars (the province kit is embedded in each province) is imported from one of
        // them only; its root package still names its own bundle (folder = root package)
        Set<String> packages = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        try (Stream<Path> folders = Files.list(bundlesFolder)) {
            folders.filter(folder -> Files.isDirectory(folder.resolve("src/main/java")))
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> !seen.contains(name) && packages.stream()
                            .noneMatch(p -> p.equals(name) || p.startsWith(name + ".")))
                    .sorted()
                    .forEach(missing::add);
        }
        if (missing.isEmpty() && seen.stream().noneMatch(name -> name.equals("org.renkou.core"))) {
            missing.add("org.renkou.core (nothing seen at all: is " + bundlesFolder + " the bundles folder?)");
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("These bundles have Java code but the architecture rules do not see it: "
                    + missing + ". Add each as <dependency> with <scope>test</scope> to "
                    + "bundles/org.renkou.archtests/pom.xml.");
        }
    }

    /**
     * The subpackages of {@code internal} (one a domain) must not need each other in a circle. Classes directly in
     * {@code internal} belong to no slice and are not checked.
     */
    private static ArchRule domainPackagesFreeOfCycles(String internal) {
        return slices().matching(internal + ".(*)..")
                .namingSlices(internal + ".$1")
                .should().beFreeOfCycles()
                .because("each domain package (resident, household, migrant, ...) must be understandable and "
                        + "changeable on its own; when two of them need each other, move the shared part into a "
                        + "third package both use (or into the API)");
    }

    private static String[] provincesAndModules() {
        List<String> packages = new ArrayList<>(List.of(modules()));
        packages.add(Bundles.PROVINCES);
        return packages.toArray(String[]::new);
    }

    private static String[] modules() {
        return Bundles.MODULES.stream().map(root -> root + "..").toArray(String[]::new);
    }

    /** Of Renkou's classes, use only those of the same bundle and those in {@code allowed} packages. */
    private static ArchCondition<JavaClass> useOfRenkouOnlyTheirOwnBundleAnd(List<String> allowed) {
        DescribedPredicate<JavaClass> permitted = resideInAnyPackage(allowed.toArray(String[]::new));
        return new ArchCondition<>("use, of Renkou's classes, only their own bundle's and those in " + allowed) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String bundle = Bundles.of(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (target.getPackageName().startsWith("org.renkou.") && !permitted.test(target)
                            && !Bundles.of(target).equals(bundle)) {
                        events.add(SimpleConditionEvent.violated(dependency, "bundle " + bundle + " uses "
                                + target.getName() + " of bundle " + Bundles.of(target) + ", which is not in "
                                + allowed + ": " + dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> onlyBeUsedInTheirOwnBundle() {
        return new ArchCondition<>("be used only by classes of their own bundle") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                String owner = Bundles.of(entity);
                for (Dependency dependency : entity.getDirectDependenciesToSelf()) {
                    String user = Bundles.of(dependency.getOriginClass());
                    if (!user.equals(owner)) {
                        events.add(SimpleConditionEvent.violated(dependency, entity.getSimpleName()
                                + " is an entity of bundle " + owner + " but bundle " + user + " uses it: "
                                + dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notUseInternalsOfOtherBundles() {
        return new ArchCondition<>("not use an .internal package of another bundle") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String bundle = Bundles.of(origin);
                Set<String> reported = new TreeSet<>();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (!target.getPackageName().startsWith("org.renkou.")
                            || !Bundles.isInternal(target.getPackageName())) {
                        continue;
                    }
                    String owner = Bundles.of(target);
                    if (!owner.equals(bundle) && reported.add(dependency.getDescription())) {
                        events.add(SimpleConditionEvent.violated(dependency, "bundle " + bundle + " uses "
                                + target.getName() + " from the .internal package of bundle " + owner + ": "
                                + dependency.getDescription()));
                    }
                }
            }
        };
    }
}
