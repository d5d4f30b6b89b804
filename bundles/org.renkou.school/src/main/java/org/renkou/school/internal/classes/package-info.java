/**
 * Classes (班次): rosters (花名册) enrolled one by one or by target group, the yearly plan (年初教学计划) and its sessions,
 * attendance and the lesson-plan archive (教案存档).
 */
package org.renkou.school.internal.classes;
