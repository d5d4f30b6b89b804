package org.renkou.warehouse.internal.entities;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A contraceptive product of the catalogue (避孕药具品种). */
@Entity
@Cacheable // never changed once added: read from the shared cache, not the database, on every movement
@Table(name = "WH_PRODUCT")
public class ProductEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String type;
    public String specification;
    public String unit;
    @Column(name = "APPROVAL_NUMBER")
    public String approvalNumber;
    public String manufacturer;
    @Version
    public Long version;
}
