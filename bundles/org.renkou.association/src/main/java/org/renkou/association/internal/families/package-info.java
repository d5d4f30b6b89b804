/** Contact households (会员联系户) with their visits, and special-family support (计生特殊家庭帮扶). */
package org.renkou.association.internal.families;
