/**
 * Civil registrations the office records: births (出生登记, {@link org.renkou.core.api.registration.BirthService}) and
 * marriages (婚姻登记, {@link org.renkou.core.api.registration.MarriageService}).
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.registration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
