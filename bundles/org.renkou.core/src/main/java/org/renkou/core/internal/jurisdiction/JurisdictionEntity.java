package org.renkou.core.internal.jurisdiction;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.Version;

import org.renkou.core.api.JurisdictionLevel;

/** Row of the jurisdiction tree (行政区划). Never leaves the core bundle; see {@code JurisdictionDTO}. */
@Entity
@Table(name = "JURISDICTION")
@NamedQueries({
    @NamedQuery(name = JurisdictionEntity.ROOTS,
            query = "SELECT j FROM JurisdictionEntity j WHERE j.parentCode IS NULL ORDER BY j.code"),
    @NamedQuery(name = JurisdictionEntity.CHILDREN,
            query = "SELECT j FROM JurisdictionEntity j WHERE j.parentCode = :parent ORDER BY j.code"),
    @NamedQuery(name = JurisdictionEntity.CHILD_COUNTS,
            query = "SELECT j.parentCode, COUNT(j) FROM JurisdictionEntity j WHERE j.parentCode IN :parents GROUP BY j.parentCode"),
    @NamedQuery(name = JurisdictionEntity.SIBLING_WITH_NAME,
            query = "SELECT COUNT(j) FROM JurisdictionEntity j WHERE j.name = :name AND j.parentCode = :parent"),
    @NamedQuery(name = JurisdictionEntity.ROOT_WITH_NAME,
            query = "SELECT COUNT(j) FROM JurisdictionEntity j WHERE j.name = :name AND j.parentCode IS NULL"),
    @NamedQuery(name = JurisdictionEntity.COUNT, query = "SELECT COUNT(j) FROM JurisdictionEntity j")
})
public class JurisdictionEntity {
    public static final String ROOTS = "Jurisdiction.roots";
    public static final String CHILDREN = "Jurisdiction.children";
    public static final String CHILD_COUNTS = "Jurisdiction.childCounts";
    public static final String SIBLING_WITH_NAME = "Jurisdiction.siblingWithName";
    public static final String ROOT_WITH_NAME = "Jurisdiction.rootWithName";
    public static final String COUNT = "Jurisdiction.count";

    @Id
    @Column(name = "CODE", length = 15)
    private String code;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "LEVEL_NAME", nullable = false, length = 12)
    private JurisdictionLevel level;

    @Column(name = "PARENT_CODE", length = 15)
    private String parentCode;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt; // UTC

    protected JurisdictionEntity() {
        // for JPA
    }

    public JurisdictionEntity(String code, String name, JurisdictionLevel level, String parentCode) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentCode = parentCode;
        this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public JurisdictionLevel level() {
        return level;
    }

    public String parentCode() {
        return parentCode;
    }

    public long version() {
        return version;
    }
}
