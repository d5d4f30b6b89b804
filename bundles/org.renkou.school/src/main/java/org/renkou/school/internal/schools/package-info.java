/** Schools with their equipment register (设备登记), teachers and courses. */
package org.renkou.school.internal.schools;
