/**
 * Staff (工作人员), their roles and jurisdictions, passwords, logins and sessions.
 */
package org.renkou.core.internal.staff;
