package org.renkou.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The framework properties Renkou runs with, shared by the launcher and the integration tests so that both boot the
 * same platform.
 */
public final class FrameworkConfig {
    /**
     * SLF4J lives on the launcher's class path, so logging works from the first bundle on; the system bundle exports
     * it. Like the slf4j-api bundle itself, it exports {@code org.slf4j} also as 1.7.36 for bundles such as Aries
     * JPA that import {@code [1.7,2)}: the 2.x API is a superset of 1.7 for callers.
     */
    public static final String SLF4J_PACKAGES = "org.slf4j;version=2.0.17,org.slf4j;version=1.7.36,"
            + "org.slf4j.spi;version=2.0.17,org.slf4j.spi;version=1.7.36,org.slf4j.event;version=2.0.17,"
            + "org.slf4j.event;version=1.7.36,org.slf4j.helpers;version=2.0.17,org.slf4j.helpers;version=1.7.36";
    /**
     * What the system bundle exports beyond the JRE's standard packages: slf4j, and {@code sun.misc}, which Apache
     * PDFBox's io bundle imports (for unmapping file buffers) and Felix does not export by default.
     */
    public static final String EXTRA_PACKAGES = SLF4J_PACKAGES + ",sun.misc";
    /**
     * Aries JPA 2.7 asks for the JavaJPA contract 2.0/2.1 while EclipseLink 2.7 needs javax.persistence 2.2: the
     * framework declares the contract, the 2.2 API bundle provides the packages (STACK.md, trap 1).
     */
    public static final String JPA_CONTRACT = "osgi.contract;osgi.contract=JavaJPA;version:List<Version>=\"2.1,2\"";

    private FrameworkConfig() {
    }

    public static Map<String, String> properties(Settings s, FeatureCatalog catalog) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("org.osgi.framework.storage", s.cache().toString());
        p.put("org.osgi.framework.system.packages.extra", EXTRA_PACKAGES);
        p.put("org.osgi.framework.system.capabilities.extra", JPA_CONTRACT);
        p.put("org.osgi.framework.bootdelegation", "sun.*,com.sun.*,jdk.internal.reflect");
        p.put("felix.log.level", "2");
        p.put("renkou.home", s.home().toString());
        p.put("renkou.files", s.files().toString()); // the shared folder (FileStore)
        p.put("renkou.sampleData", s.sampleData());
        p.putAll(s.database()); // renkou.db.*: the database unless Config Admin (PID org.renkou.db) says otherwise
        if (s.trustedProxies() != null) {
            p.put(Settings.TRUSTED_PROXIES, s.trustedProxies()); // unless Config Admin (PID org.renkou.http) says so
        }
        // Gogo ends the framework when its input ends; without a terminal it must not read input at all.
        p.put("gosh.args", s.shell() && System.console() != null ? "--noshutdown" : "--nointeractive");
        p.putAll(catalog.properties(s.placeholders()));
        p.putAll(catalog.moduleProperties());
        return p;
    }

    /** Java system properties that must be set before any bundle starts (Derby reads only these). */
    public static Map<String, String> systemProperties(Settings s) {
        return Map.of(
                "derby.system.home", s.data().toString(),
                "derby.stream.error.file", s.logs().resolve("derby.log").toString(),
                "org.slf4j.simpleLogger.showDateTime", "true",
                "org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS",
                "org.slf4j.simpleLogger.logFile", "System.err",
                "org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn",
                "org.slf4j.simpleLogger.log.org.apache.felix.http", "warn");
    }
}
