/** JPA entities of the association persistence unit {@code renkou.association} (notices); private to the bundle. */
package org.renkou.association.internal.entities.notices;
