package org.renkou.core.internal.imports;

import java.io.Serializable;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** A rejected row of an import job (导入错误); only the first ones of a job are kept. */
@Entity
@Cacheable(false)
@Table(name = "IMPORT_ERROR")
@IdClass(ImportErrorEntity.Key.class)
@NamedQuery(name = ImportErrorEntity.BY_JOB,
        query = "SELECT e FROM ImportErrorEntity e WHERE e.jobId = :job ORDER BY e.line")
public class ImportErrorEntity {
    public static final String BY_JOB = "ImportError.byJob";

    @Id
    @Column(name = "JOB_ID")
    public String jobId;
    @Id
    @Column(name = "LINE_NO")
    public long line;
    public String field;
    public String message;
    @Column(name = "MESSAGE_EN")
    public String messageEn;

    /** Composite key: job and line. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String jobId;
        public long line;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.line == line && java.util.Objects.equals(k.jobId, jobId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(jobId, line);
        }
    }
}
