#set( $TABLES = $moduleId.toUpperCase().replace("-", "_") )
package ${package}.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.module.api.db.ModuleDatabase;
import org.renkou.module.api.db.ModuleDatabases;

import ${package}.internal.entities.ItemEntity;

/**
 * The module's records (记录): listed within the caller's jurisdictions, added with an audit entry in the same
 * transaction. Opens the module's persistence unit once, through the platform's {@link ModuleDatabases}, which runs
 * {@code db/${moduleId}} first. Roles and reach are checked here, not in the resource.
 */
@Component(service = ItemService.class, property = ThisModule.CONDITION)
public class ItemService {
    static final int MAX_TEXT = 200;
    private final ModuleDatabase db;

    @Activate
    public ItemService(@Reference(target = "(osgi.unit.name=" + ThisModule.UNIT + ")") EntityManagerFactory emf,
            @Reference ModuleDatabases databases, BundleContext context) {
        this(databases.open(emf, context.getBundle()));
    }

    ItemService(ModuleDatabase db) {
        this.db = db;
    }

    /** The records in the caller's jurisdictions, oldest first. */
    public List<ItemDTO> list(Caller caller) {
        return db.read(em -> em.createQuery("SELECT i FROM ItemEntity i ORDER BY i.id", ItemEntity.class)
                .getResultList().stream().filter(i -> caller.covers(i.jurisdictionCode)).map(ItemDTO::of)
                .collect(Collectors.toList()));
    }

    /** Adds a record; INVALID naming the field for bad input, FORBIDDEN outside the caller's role or reach. */
    public ItemDTO add(Caller caller, ItemDTO input) {
        ItemEntity item = check(caller, input);
        return db.tx(em -> {
            em.persist(item);
            em.flush(); // the id, for the audit entry
            db.audit(em, caller, AuditAction.CREATE, "${TABLES}_ITEM", String.valueOf(item.id), item.jurisdictionCode,
                    "新增记录 record added", null);
            return ItemDTO.of(item);
        });
    }

    /** The entity to store for {@code input}, or the refusal in words (no database needed: unit-tested). */
    static ItemEntity check(Caller caller, ItemDTO input) {
        caller.require("登记记录", "add records", Role.FAMILY_SERVICES, Role.DIRECTOR, Role.ADMIN);
        ItemDTO in = Input.body(input);
        ItemEntity item = new ItemEntity();
        item.text = Input.required(in.text, "text", "内容", "text", MAX_TEXT);
        item.jurisdictionCode = Input.required(in.jurisdictionCode, "jurisdictionCode", "辖区", "jurisdiction", 12);
        if (!caller.covers(item.jurisdictionCode)) {
            throw RenkouException.forbidden("辖区 " + item.jurisdictionCode + " 不在您的管辖范围内。",
                    "Jurisdiction " + item.jurisdictionCode + " lies outside your reach.");
        }
        item.createdBy = caller.username();
        item.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        return item;
    }
}
