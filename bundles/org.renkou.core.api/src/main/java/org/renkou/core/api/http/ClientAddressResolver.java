package org.renkou.core.api.http;

import java.util.Enumeration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The address of the client behind a request, for everything counted or recorded per address (login throttle and
 * lockout, public rate limits, the address of a login). Behind a reverse proxy the connection's peer is the proxy
 * for everybody; the proxy names the client in {@value #FORWARDED_FOR}. That header is believed only when the peer
 * is a trusted proxy ({@code RENKOU_TRUSTED_PROXIES}, addresses and CIDR blocks; none by default), since any client
 * can send it: the entries are read from the right, trusted proxies skipped, and the first other address is the
 * client. A malformed entry ends the walk at the last good address. Never a DNS lookup.
 *
 * <pre>{@code
 * String client = addresses.clientAddress(req.getRemoteAddr(), req.getHeaders(ClientAddressResolver.FORWARDED_FOR));
 * }</pre>
 */
@ProviderType
public interface ClientAddressResolver {
    /** The header a proxy appends the client's address to ({@code option forwardfor} in HAProxy). */
    String FORWARDED_FOR = "X-Forwarded-For";

    /**
     * The client's address.
     *
     * @param peer the connection's peer ({@code HttpServletRequest.getRemoteAddr()})
     * @param forwardedFor every {@value #FORWARDED_FOR} line of the request in order
     *        ({@code HttpServletRequest.getHeaders}), or null
     * @return {@code peer} unless it is a trusted proxy; else the address the trusted proxies name (an IP literal in
     *         its canonical form)
     */
    String clientAddress(String peer, Enumeration<String> forwardedFor);
}
