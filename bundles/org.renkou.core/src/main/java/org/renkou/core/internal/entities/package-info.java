/** JPA entities of the core persistence unit {@code renkou.core}; private to the core bundle. */
package org.renkou.core.internal.entities;
