/** The coverage report per school (培训覆盖情况) and the year-end summary (年末总结). */
package org.renkou.school.internal.reports;
