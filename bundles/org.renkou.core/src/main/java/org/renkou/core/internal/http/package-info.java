/** The client's address behind trusted reverse proxies ({@link org.renkou.core.api.http.ClientAddressResolver}). */
package org.renkou.core.internal.http;
