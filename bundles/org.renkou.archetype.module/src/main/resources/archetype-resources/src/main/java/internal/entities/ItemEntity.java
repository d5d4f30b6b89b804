#set( $TABLES = $moduleId.toUpperCase().replace("-", "_") )
package ${package}.internal.entities;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A record of the module (记录), in its own table {@code ${TABLES}_ITEM} (created by
 * {@code db/${moduleId}/V1__items.sql}). It refers to the core's jurisdiction by code only.
 */
@Entity
@Table(name = "${TABLES}_ITEM")
public class ItemEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "TEXT", nullable = false, length = 200)
    public String text;

    @Column(name = "JURISDICTION_CODE", nullable = false, length = 12)
    public String jurisdictionCode;

    @Column(name = "CREATED_BY", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
