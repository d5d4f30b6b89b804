package org.renkou.school.internal.entities.schools;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A line of the equipment register (设备登记): equipment, books or teaching materials. */
@Entity
@Table(name = "SC_EQUIPMENT")
public class EquipmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SCHOOL_ID")
    public Long schoolId;
    public String item;
    public String category;
    public int quantity;
    @Column(name = "ITEM_STATE")
    public String state;
    public String keeper;
    @Column(name = "CHECKED_ON")
    public LocalDate checkedOn;
    @Version
    public Long version;
}
