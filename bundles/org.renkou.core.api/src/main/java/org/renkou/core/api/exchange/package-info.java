/**
 * The inter-region information exchange (信息交换) between the place of residence and the household registration
 * place: queries, notifications and assistance requests with their due dates, replies, escalation and reply figures
 * ({@link org.renkou.core.api.exchange.ExchangeService}).
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.exchange;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
