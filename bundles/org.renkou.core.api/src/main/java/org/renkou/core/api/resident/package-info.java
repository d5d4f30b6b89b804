/**
 * Residents (居民): the {@link org.renkou.core.api.resident.ResidentService} that registers, finds and changes
 * people within the caller's jurisdictions, and the statuses a resident record carries. 1.2: {@code matches} and
 * {@code count(Caller, ResidentQuery)} take a whole group lean, {@link org.renkou.core.api.resident.ResidentRef}. 1.3:
 * {@link org.renkou.core.api.resident.NameOrder}, the pinyin order of names for the lists of modules.
 */
@Version("1.3.0")
@Export
package org.renkou.core.api.resident;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
