package org.renkou.core.api.cluster;

/**
 * A file as {@link FileStore#put} wrote it: its key, size in bytes and the SHA-256 of its content (hex), for the
 * caller to keep beside its record and check against a later {@link FileStore#open}.
 */
public record StoredFile(String key, long size, String sha256) {
}
