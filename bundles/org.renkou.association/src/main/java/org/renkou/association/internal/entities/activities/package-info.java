/** JPA entities of the association persistence unit {@code renkou.association} (activities); private to the bundle. */
package org.renkou.association.internal.entities.activities;
