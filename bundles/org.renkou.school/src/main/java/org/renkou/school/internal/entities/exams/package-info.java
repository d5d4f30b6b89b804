/**
 * JPA entities of the school persistence unit {@code renkou.school}: exams, results, questions, papers, sheets,
 * answers; private to the school bundle.
 */
package org.renkou.school.internal.entities.exams;
