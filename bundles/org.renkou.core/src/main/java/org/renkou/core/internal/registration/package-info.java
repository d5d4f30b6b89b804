/**
 * Civil registrations: births (出生登记) and marriages (婚姻登记).
 */
package org.renkou.core.internal.registration;
