/**
 * Staff (工作人员) and their accounts: {@link org.renkou.core.api.staff.StaffService} administers them,
 * {@link org.renkou.core.api.staff.AuthService} logs them in and turns a session into a {@link org.renkou.core.api.Caller}.
 */
@Version("1.2.0")
@Export
package org.renkou.core.api.staff;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
