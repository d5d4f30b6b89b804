/**
 * Bulk import of residents (批量导入) from CSV and Excel files, one all-or-nothing transaction per batch.
 */
package org.renkou.core.internal.imports;
