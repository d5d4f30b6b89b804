/**
 * The registry of active regional policies (省级政策), keyed by {@link org.renkou.core.api.Province}.
 */
package org.renkou.core.internal.province;
