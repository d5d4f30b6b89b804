package org.renkou.core.internal.staff;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.renkou.core.api.Role;
import org.renkou.core.internal.db.VersionedEntity;

/** Row of a staff member (工作人员) with roles and jurisdictions. */
@Entity
@Table(name = "STAFF")
@NamedQuery(name = StaffEntity.ALL, query = "SELECT s FROM StaffEntity s ORDER BY s.username")
public class StaffEntity extends VersionedEntity {
    public static final String ALL = "Staff.all";

    @Id
    public String username;
    public String name;
    public boolean active;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "STAFF_ROLE", joinColumns = @JoinColumn(name = "USERNAME"))
    @Column(name = "ROLE_NAME")
    @Enumerated(EnumType.STRING)
    public Set<Role> roles = new LinkedHashSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "STAFF_JURISDICTION", joinColumns = @JoinColumn(name = "USERNAME"))
    @Column(name = "JURISDICTION_CODE")
    public Set<String> jurisdictionCodes = new LinkedHashSet<>();
    @Column(name = "CREATED_AT")
    public LocalDateTime createdAt; // UTC
}
