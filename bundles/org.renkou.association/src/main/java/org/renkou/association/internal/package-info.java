/**
 * The family planning association module (计生协会): what its domains, the subpackages, share — the module
 * descriptor and role sets {@link Association}, the persistence unit {@link AssociationDatabase}, what it asks of the
 * core {@link CoreLinks}, and the DTOs {@link AssociationDTO}. It uses no subpackage but the entities.
 */
package org.renkou.association.internal;
