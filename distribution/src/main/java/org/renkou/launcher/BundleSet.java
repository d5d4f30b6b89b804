package org.renkou.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;

/**
 * Brings the installed bundles in line with the features: installs what is new, updates what changed on disk,
 * uninstalls what no feature ships any more. Bundles are installed by reference (read in place, not copied into the
 * cache), which keeps a first start fast. Bundles dropped into {@code deploy/} are not touched: they belong to
 * the hot-deploy watcher.
 * <p>
 * A bundle's location names the release folder it was read from, so a home started by a release in another folder
 * (a new release unpacked beside the old one, a copied installation) holds bundles of the old folder: those go
 * before anything is installed, or the same bundle from the new folder would clash with them ("symbolic name and
 * version are not unique") and the node would not start.
 */
final class BundleSet {
    private static final String PREFIX = "reference:";

    private BundleSet() {
    }

    /** @return the highest start level used */
    static int reconcile(BundleContext ctx, List<FeatureCatalog.BundleFile> files, Logger log)
            throws BundleException, IOException {
        Set<String> wanted = new HashSet<>();
        for (FeatureCatalog.BundleFile f : files) {
            if (!Files.isRegularFile(f.file())) {
                throw new IOException("Feature " + f.feature().id() + " needs " + f.coordinate()
                        + ", but " + f.file() + " is missing: rebuild or reinstall the distribution");
            }
            wanted.add(PREFIX + f.file().toUri());
        }
        // only what the launcher installed (by reference); deploy/'s bundles are installed by the watcher by file
        for (Bundle b : ctx.getBundles()) {
            if (b.getLocation().startsWith(PREFIX) && !wanted.contains(b.getLocation())) {
                log.info("Uninstalling {} from {} (no feature of this release ships it there)", b.getSymbolicName(),
                        b.getLocation());
                b.uninstall();
            }
        }
        int maxLevel = 1;
        for (FeatureCatalog.BundleFile f : files) {
            String location = PREFIX + f.file().toUri();
            Bundle b = ctx.getBundle(location);
            if (b == null) {
                b = ctx.installBundle(location);
            } else if (Files.getLastModifiedTime(f.file()).toMillis() > b.getLastModified()) {
                log.info("Updating {} from {}", b.getSymbolicName(), f.file().getFileName());
                b.update();
            }
            b.adapt(BundleStartLevel.class).setStartLevel(f.startLevel());
            maxLevel = Math.max(maxLevel, f.startLevel());
            if (!isFragment(b)) {
                b.start(Bundle.START_ACTIVATION_POLICY);
            }
        }
        // Bundles dropped into deploy/ start after the platform (FileInstall's start level is 30).
        return Math.max(maxLevel, 30);
    }

    /**
     * Starts once more the bundles the start-level thread could not start although they resolve now. Felix gives up
     * a start whose resolve meets another thread's resolve (it interrupts one of them to avoid a deadlock); without a
     * second try such a bundle stays RESOLVED until the next restart.
     */
    static void retryFailedStarts(BundleContext ctx, Logger log) {
        for (Bundle b : ctx.getBundles()) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            // only the features' bundles: those in deploy/ are started by the module manager's gate or not at all
            if (b.getLocation().startsWith(PREFIX) && b.getState() == Bundle.RESOLVED && !isFragment(b)
                    && level != null && level.isPersistentlyStarted()) {
                try {
                    b.start(Bundle.START_ACTIVATION_POLICY);
                    log.warn("Bundle {} had not started at its start level; started on a second try", b.getSymbolicName());
                } catch (BundleException | IllegalStateException e) {
                    log.error("Bundle {} could not start: {}", b.getSymbolicName(), e.getMessage());
                }
            }
        }
    }

    static boolean isFragment(Bundle b) {
        BundleRevision r = b.adapt(BundleRevision.class);
        return r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /** A bundle with a lazy activation policy waits in STARTING until its first class is loaded: that is normal. */
    static boolean isLazy(Bundle b) {
        return b.getState() == Bundle.STARTING && b.getHeaders("").get("Bundle-ActivationPolicy") != null;
    }

    static String stateName(Bundle b) {
        switch (b.getState()) {
            case Bundle.INSTALLED: return "installed, not resolved";
            case Bundle.RESOLVED: return "resolved, not started";
            case Bundle.STARTING: return "starting";
            case Bundle.STOPPING: return "stopping";
            case Bundle.ACTIVE: return "active";
            default: return "uninstalled";
        }
    }
}
