/**
 * Login sessions (登录会话) kept in the database, so that every node behind a proxy knows them and a logout or a
 * password change ends them on every node: {@link org.renkou.core.api.session.LoginSessions}.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.session;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
