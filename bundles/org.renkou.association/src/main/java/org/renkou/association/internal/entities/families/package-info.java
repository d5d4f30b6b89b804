/** JPA entities of the association persistence unit {@code renkou.association} (families); private to the bundle. */
package org.renkou.association.internal.entities.families;
