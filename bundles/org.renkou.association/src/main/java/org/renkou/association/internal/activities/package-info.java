/** Activities and trainings (活动与培训), the yearly rules' progress and the yearly statistics (协会统计年报). */
package org.renkou.association.internal.activities;
