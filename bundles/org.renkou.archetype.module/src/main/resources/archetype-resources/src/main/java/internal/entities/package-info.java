/** The module's JPA entities: never exported, never handed out (REST speaks {@code ItemDTO}). */
package ${package}.internal.entities;
