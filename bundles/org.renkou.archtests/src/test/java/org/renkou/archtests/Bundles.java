package org.renkou.archtests;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Which bundle a class comes from, and the package lists the rules in {@link ArchitectureTest} share.
 *
 * <p>A class's bundle is read from where it was loaded (the bundle's jar or {@code target/classes}), not guessed
 * from its package, so {@code org.renkou.core.api.X} belongs to {@code org.renkou.core.api} and not to
 * {@code org.renkou.core}, and {@code org.renkou.rest.core} is not part of {@code org.renkou.rest}.
 */
final class Bundles {

    /**
     * API packages: what other bundles may compile against. Any {@code org.renkou.*.api} bundle counts, but not an
     * {@code .internal} package inside one ({@code org.renkou.core.api.internal} is implementation).
     */
    static final DescribedPredicate<JavaClass> API = resideInAPackage("org.renkou..api..")
            .and(not(resideInAPackage("..internal..")))
            .as("reside in an API package (org.renkou..api.., not .internal)");

    /** The two API bundles a module compiles against. */
    static final List<String> MODULE_API = List.of("org.renkou.core.api..", "org.renkou.module.api..");

    /**
     * Root packages of the modules (switchable feature bundles). Listed ahead of time so a new module is covered
     * the day its first class is written; the test fixture is a module built the way a provincial IT team's is.
     */
    static final List<String> MODULES = List.of(
            "org.renkou.warehouse", "org.renkou.school", "org.renkou.association", "org.renkou.itests.fixture");

    /** Province bundles (regional policies) and the kit they share. */
    static final String PROVINCES = "org.renkou.province..";

    /** What a province bundle compiles against: the core's API and the province kit (shared rule helpers). */
    static final List<String> PROVINCE_API = List.of("org.renkou.core.api..", "org.renkou.province.kit..");

    /** {@code .../bundles/org.renkou.core/target/classes/...} or {@code .../target/org.renkou.core-0.1.0.jar!/...}. */
    private static final Pattern BUILT = Pattern.compile("/([^/!]+)/target/(?:classes/|[^/!]+\\.jar!)");

    /** {@code .../repository/org/renkou/org.renkou.core/0.1.0/org.renkou.core-0.1.0.jar!/...}. */
    private static final Pattern REPOSITORY = Pattern.compile("/org/renkou/([^/!]+)/[^/!]+/[^/!]+\\.jar!");

    private Bundles() {
    }

    /** The bundle (artifactId = folder under bundles/) a class was loaded from, or its package if unknown. */
    static String of(JavaClass javaClass) {
        JavaClass type = javaClass.getBaseComponentType();
        return type.getSource().map(Source::getUri).flatMap(Bundles::fromLocation).orElse(type.getPackageName());
    }

    private static Optional<String> fromLocation(URI uri) {
        String location = uri.toString();
        for (Pattern pattern : List.of(BUILT, REPOSITORY)) {
            Matcher matcher = pattern.matcher(location);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** The module root a package belongs to, e.g. {@code org.renkou.warehouse} for its {@code .internal}. */
    static Optional<String> moduleOf(String packageName) {
        return MODULES.stream().filter(root -> packageName.equals(root) || packageName.startsWith(root + "."))
                .findFirst();
    }

    /** True for a package of the form {@code ....internal} or {@code ....internal....}. */
    static boolean isInternal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    /** {@code org.renkou.<bundle>.internal} and its first subpackage, if any: the slice of an .internal class. */
    private static final Pattern INTERNAL = Pattern.compile("(org\\.renkou\\..+?\\.internal)(\\.[^.]+)?(\\..*)?");

    /**
     * Slices of every bundle's .internal packages: {@code org.renkou.school.internal} (classes directly in it) and
     * one a subpackage with everything below it ({@code org.renkou.school.internal.entities} holds
     * {@code .entities.exams}). Classes outside .internal packages belong to no slice.
     */
    static final SliceAssignment INTERNAL_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            Matcher m = INTERNAL.matcher(javaClass.getPackageName());
            return m.matches() ? SliceIdentifier.of(m.group(1) + (m.group(2) == null ? "" : m.group(2)))
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the .internal packages of each bundle (the package itself, and one slice a subpackage)";
        }
    };

    /** JPA-mapped classes: entities, embeddables and mapped superclasses (javax and jakarta names). */
    static final DescribedPredicate<JavaClass> JPA_MAPPED = new DescribedPredicate<>("JPA-mapped") {
        @Override
        public boolean test(JavaClass input) {
            for (String prefix : List.of("javax.persistence.", "jakarta.persistence.")) {
                for (String annotation : List.of("Entity", "Embeddable", "MappedSuperclass")) {
                    if (input.isAnnotatedWith(prefix + annotation)) {
                        return true;
                    }
                }
            }
            return false;
        }
    };

    /** JPA entities proper ({@code @Entity}, javax or jakarta). */
    static final DescribedPredicate<JavaClass> JPA_ENTITY = new DescribedPredicate<>("JPA entities") {
        @Override
        public boolean test(JavaClass input) {
            return input.isAnnotatedWith("javax.persistence.Entity")
                    || input.isAnnotatedWith("jakarta.persistence.Entity");
        }
    };
}
