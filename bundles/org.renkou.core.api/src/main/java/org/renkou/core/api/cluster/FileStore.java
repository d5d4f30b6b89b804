package org.renkou.core.api.cluster;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Files kept in the shared folder (共享文件夹) {@code RENKOU_FILES} (default {@code $RENKOU_HOME/files}), which every
 * node of a cluster mounts at the same path (NFS or similar), so a file written on one node is read on the others.
 * Keys are relative paths of plain segments ({@code letters, digits, . _ -}, no {@code ..}, no leading dot), e.g.
 * {@code school/lesson/42.pdf}; a key outside that shape is refused with {@link IllegalArgumentException}. A file
 * appears under its key whole or not at all (written beside it, then moved), so another node never reads half of
 * it. Records in the database stay the place for what must commit with a transaction.
 */
@ProviderType
public interface FileStore {

    /** The shared folder itself, for whole folders (the platform's backups live under {@code backup/}). */
    Path root();

    /**
     * Writes {@code content} under {@code key}, replacing a file there, and reads the stream to its end.
     *
     * @throws java.io.UncheckedIOException when the folder cannot be written
     */
    StoredFile put(String key, InputStream content);

    /** The file under {@code key}, to be closed by the caller; empty if there is none. */
    Optional<InputStream> open(String key);

    /** Removes the file under {@code key}; whether there was one. */
    boolean delete(String key);
}
