/**
 * The HTTP client's address (客户端地址) as the platform and modules should count it behind a reverse proxy: a
 * {@link org.renkou.core.api.http.ClientAddressResolver} service that trusts {@code X-Forwarded-For} only from the
 * configured proxies ({@code RENKOU_TRUSTED_PROXIES}).
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
