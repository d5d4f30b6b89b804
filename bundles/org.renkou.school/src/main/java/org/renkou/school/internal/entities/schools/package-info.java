/**
 * JPA entities of the school persistence unit {@code renkou.school}: schools, equipment, teachers, courses, year-end
 * summaries; private to the school bundle.
 */
package org.renkou.school.internal.entities.schools;
