/** The association API under {@code /api/association}, its menu entry and pages, and the public pages without login. */
package org.renkou.association.internal.web;
