/**
 * The population school module (人口学校): what its domains, the subpackages, share — the module descriptor
 * {@link School}, the persistence unit {@link SchoolDatabase}, the reach rule {@link Access}, the vocabularies
 * {@link Curriculum} and the DTOs {@link SchoolDTO}. It uses no subpackage but the entities.
 */
package org.renkou.school.internal;
