package org.renkou.core.internal.modules;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.renkou.core.internal.db.VersionedEntity;

/** Row of a module's chosen state (模块开关). */
@Entity
@Table(name = "MODULE_STATE")
@NamedQuery(name = ModuleStateEntity.ALL, query = "SELECT m FROM ModuleStateEntity m")
public class ModuleStateEntity extends VersionedEntity {
    public static final String ALL = "ModuleState.all";

    @Id
    @Column(name = "MODULE_ID")
    public String moduleId;
    public boolean enabled;
    @Column(name = "CHANGED_BY")
    public String changedBy;
    @Column(name = "CHANGED_AT")
    public LocalDateTime changedAt; // UTC
}
