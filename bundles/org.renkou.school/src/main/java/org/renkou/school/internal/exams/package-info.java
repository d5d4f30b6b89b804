/**
 * Exams and make-up exams (补考), the question bank, exam papers and answer sheets (考卷, 答卷), graduation (结业) and its
 * certificates.
 */
package org.renkou.school.internal.exams;
