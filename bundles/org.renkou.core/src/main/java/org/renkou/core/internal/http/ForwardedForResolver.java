package org.renkou.core.internal.http;

import java.util.Enumeration;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.renkou.core.api.http.ClientAddressResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ClientAddressResolver}: {@code X-Forwarded-For} from the trusted proxies of Config Admin PID
 * {@value #PID}, else of the framework property {@value #PROPERTY} (the launcher sets it from
 * {@code RENKOU_TRUSTED_PROXIES}), else from nobody.
 */
@Component(configurationPid = ForwardedForResolver.PID)
@Designate(ocd = ForwardedForResolver.Config.class)
public class ForwardedForResolver implements ClientAddressResolver {
    static final String PID = "org.renkou.http";
    /** Framework property with the trusted proxies. */
    public static final String PROPERTY = "renkou.trustedProxies";
    private static final Logger LOG = LoggerFactory.getLogger(ForwardedForResolver.class);

    @ObjectClassDefinition(name = "Renkou behind a reverse proxy",
            description = "Which proxies may name the client in X-Forwarded-For.")
    public @interface Config {
        @AttributeDefinition(name = "trusted.proxies", description = "Addresses and CIDR blocks of the reverse "
                + "proxies in front of Renkou (127.0.0.1,10.0.0.0/8), comma-separated. Empty: renkou.trustedProxies, "
                + "else none: X-Forwarded-For is ignored and the connection's address counts.")
        String trusted_proxies() default "";
    }

    private final TrustedProxies proxies;

    @Activate
    public ForwardedForResolver(Config config, BundleContext context) {
        this(config.trusted_proxies(), context::getProperty);
    }

    ForwardedForResolver(String configured, UnaryOperator<String> frameworkProperty) {
        String list = configured != null && !configured.isBlank() ? configured : frameworkProperty.apply(PROPERTY);
        // a wrong entry is left out rather than stopping the platform: trusting less only costs shared limits
        this.proxies = TrustedProxies.parse(list, bad -> LOG.error("Trusted proxy '{}' is not an IP address or CIDR "
                + "block (10.0.0.0/8); it is ignored ({} / RENKOU_TRUSTED_PROXIES)", bad, PROPERTY));
        if (!proxies.isEmpty()) {
            LOG.info("X-Forwarded-For is trusted from {}", proxies);
        }
    }

    @Override
    public String clientAddress(String peer, Enumeration<String> forwardedFor) {
        return proxies.clientAddress(peer, forwardedFor);
    }
}
