package org.renkou.warehouse.internal.entities;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A store (药具库) of a district, street or community, bound to its jurisdiction code. */
@Entity
@Cacheable // never changed once set up: read from the shared cache, not the database, on every movement
@Table(name = "WH_STORE")
public class StoreEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "STORE_LEVEL")
    public String level;
    @Column(name = "JURISDICTION_CODE")
    public String jurisdictionCode;
    @Version
    public Long version;
}
