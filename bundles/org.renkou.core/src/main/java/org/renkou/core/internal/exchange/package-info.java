/**
 * Information exchange between places about migrants (流动人口信息交换): messages, replies, deadlines, escalation.
 */
package org.renkou.core.internal.exchange;
