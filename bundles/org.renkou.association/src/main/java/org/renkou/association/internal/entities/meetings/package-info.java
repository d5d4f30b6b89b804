/** JPA entities of the association persistence unit {@code renkou.association} (meetings); private to the bundle. */
package org.renkou.association.internal.entities.meetings;
