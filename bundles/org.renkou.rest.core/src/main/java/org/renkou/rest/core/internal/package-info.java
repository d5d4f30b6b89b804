/**
 * The core's REST resources under {@code /api}, a package per domain mirroring {@code org.renkou.core.api}:
 * {@code resident} (with the plain lookup servlet of the hot path), {@code household}, {@code registration}
 * (marriages, births), {@code certificate}, {@code benefit}, {@code migrant} (with the inter-region exchange),
 * {@code imports}, {@code staff}, {@code audit}, {@code jurisdiction}, {@code province}, {@code stats} and
 * {@code modules}. Each resource is a DS component marked {@code @RestResource}; the host {@code org.renkou.rest}
 * attaches it, authenticates the request and maps errors to problem+json.
 */
package org.renkou.rest.core.internal;
