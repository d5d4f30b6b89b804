/**
 * Certificates (证件): issue, print, verify, void, with serial numbers per province and year; the registered types.
 */
package org.renkou.core.internal.certificate;
