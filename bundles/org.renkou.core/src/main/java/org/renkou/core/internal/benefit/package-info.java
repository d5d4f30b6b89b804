/**
 * Benefit applications (奖励扶助/特别扶助/育儿补贴 申请) through their scheme's approval chain, and the registered schemes.
 */
package org.renkou.core.internal.benefit;
