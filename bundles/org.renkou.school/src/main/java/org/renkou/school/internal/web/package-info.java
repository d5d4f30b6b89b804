/** The school API under {@code /api/school}, its menu entry and its pages. */
package org.renkou.school.internal.web;
