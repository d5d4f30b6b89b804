/** JPA entities of the warehouse persistence unit {@code renkou.warehouse}; private to the warehouse bundle. */
package org.renkou.warehouse.internal.entities;
