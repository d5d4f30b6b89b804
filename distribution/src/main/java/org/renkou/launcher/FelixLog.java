package org.renkou.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the framework's own messages (a bundle that does not resolve, for one) to the Renkou log. */
final class FelixLog extends org.apache.felix.framework.Logger {
    private static final Logger LOG = LoggerFactory.getLogger("org.apache.felix.framework");

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable t) {
        String text = bundle == null ? msg : "[" + bundle.getSymbolicName() + "] " + msg;
        switch (level) {
            case LOG_ERROR:
                LOG.error(text, t);
                break;
            case LOG_WARNING:
                LOG.warn(text, t);
                break;
            case LOG_INFO:
                LOG.info(text, t);
                break;
            default:
                LOG.debug(text, t);
        }
    }
}
