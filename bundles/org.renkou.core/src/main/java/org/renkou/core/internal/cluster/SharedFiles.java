package org.renkou.core.internal.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.renkou.core.api.cluster.FileStore;
import org.renkou.core.api.cluster.StoredFile;

/**
 * {@link FileStore} on the folder of the framework property {@code renkou.files} (the launcher sets it from
 * {@code RENKOU_FILES}, default {@code $RENKOU_HOME/files}). A file is written to a hidden name beside its key and
 * then renamed, atomically where the file system can (NFS renames within one directory atomically).
 */
@Component(service = FileStore.class)
public class SharedFiles implements FileStore {
    /** Plain segments: no empty, dot-led ("..", hidden) or otherwise special name. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private final Path root;

    @Activate
    public SharedFiles(BundleContext context) {
        this(root(context.getProperty("renkou.files"), context.getProperty("renkou.home")));
    }

    SharedFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@code renkou.files}, else {@code files} in the home, else {@code files} in the working directory. */
    static Path root(String files, String home) {
        if (files != null && !files.isBlank()) {
            return Path.of(files.strip());
        }
        return Path.of(home == null || home.isBlank() ? "." : home.strip(), "files");
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public StoredFile put(String key, InputStream content) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
                size = content.transferTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new StoredFile(key, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + key + " into " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(Files.newInputStream(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key + " from " + root, e);
        }
    }

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key + " from " + root, e);
        }
    }

    private Path resolve(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a file key (plain names separated by /): " + key);
        }
        return root.resolve(key);
    }
}
