/**
 * Residents (居民): the {@link org.renkou.core.api.resident.ResidentService} that registers, finds and changes
 * people within the caller's jurisdictions, and the statuses a resident record carries. 1.2: {@code matches} and
 * {@code count(Caller, ResidentQuery)} take a whole group lean, {@link org.renkou.core.api.resident.ResidentRef}.
 */
@Version("1.2.0")
@Export
package org.renkou.core.api.resident;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
