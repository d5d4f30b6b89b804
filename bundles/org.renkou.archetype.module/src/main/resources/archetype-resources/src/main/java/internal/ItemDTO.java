package ${package}.internal;

import java.time.LocalDateTime;

import ${package}.internal.entities.ItemEntity;

/** One record as the REST API speaks it (the entity never leaves the bundle). */
public class ItemDTO {
    public Long id;
    public String text;
    /** The jurisdiction (辖区) the record belongs to: the core's code, by value, never a JPA relationship. */
    public String jurisdictionCode;
    public String createdBy;
    public LocalDateTime createdAt;

    static ItemDTO of(ItemEntity e) {
        ItemDTO d = new ItemDTO();
        d.id = e.id;
        d.text = e.text;
        d.jurisdictionCode = e.jurisdictionCode;
        d.createdBy = e.createdBy;
        d.createdAt = e.createdAt;
        return d;
    }
}
