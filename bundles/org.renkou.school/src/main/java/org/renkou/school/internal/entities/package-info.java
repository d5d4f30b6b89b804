/** JPA entities of the school persistence unit {@code renkou.school}; private to the school bundle. */
package org.renkou.school.internal.entities;
