/** The school's part of the living sample (示例人口学校). */
package org.renkou.school.internal.sample;
