/**
 * JPA entities of the association persistence unit {@code renkou.association} (organisation); private to the bundle.
 */
package org.renkou.association.internal.entities.organisation;
