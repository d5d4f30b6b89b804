/** Associations (计生协会), their council terms (理事会), members and member groups (会员小组). */
package org.renkou.association.internal.organisation;
