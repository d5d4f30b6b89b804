/** The association's part of the living sample (示例计生协会). */
package org.renkou.association.internal.sample;
