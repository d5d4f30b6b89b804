/**
 * The jurisdiction tree (行政区划) and {@code Scope}, the JPQL conditions that keep queries within a caller's reach.
 */
package org.renkou.core.internal.jurisdiction;
