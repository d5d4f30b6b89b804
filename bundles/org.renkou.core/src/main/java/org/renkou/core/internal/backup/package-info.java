/**
 * Backup (数据备份) of the whole platform's database: {@link org.renkou.core.internal.backup.PlatformBackup}.
 */
package org.renkou.core.internal.backup;
