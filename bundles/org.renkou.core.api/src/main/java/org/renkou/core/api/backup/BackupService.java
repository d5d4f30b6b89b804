package org.renkou.core.api.backup;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;

/**
 * Online backup (在线备份) of the whole platform's database — every persistence unit (core and modules) lives in the
 * one database — while the platform keeps serving: each committed transaction up to the start of the backup is in
 * it, none half. On embedded Derby {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE} into
 * {@code RENKOU_FILES/backup/<date>/renkou} (the shared folder, default {@code RENKOU_HOME/files}); a database server (PostgreSQL) is backed up with its own tools.
 * Restore: operations guide, "Backups".
 */
@ProviderType
public interface BackupService {

    /**
     * Backs up the database now and audits it.
     *
     * @return the folder holding the copy of the database (open it, or copy it to {@code data/renkou} of a new home)
     * @throws org.renkou.core.api.RenkouException FORBIDDEN unless a platform-level administrator; UNAVAILABLE on a
     *         database server or when the backup failed
     */
    Path backup(Caller caller);
}
