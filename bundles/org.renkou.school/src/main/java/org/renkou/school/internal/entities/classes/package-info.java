/**
 * JPA entities of the school persistence unit {@code renkou.school}: classes, roster lines, sessions, attendance,
 * reach, lesson files; private to the school bundle.
 */
package org.renkou.school.internal.entities.classes;
