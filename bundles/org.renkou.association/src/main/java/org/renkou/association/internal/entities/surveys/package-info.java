/** JPA entities of the association persistence unit {@code renkou.association} (surveys); private to the bundle. */
package org.renkou.association.internal.entities.surveys;
