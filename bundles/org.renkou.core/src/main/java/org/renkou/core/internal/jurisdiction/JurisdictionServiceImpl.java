package org.renkou.core.internal.jurisdiction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;

/** The jurisdiction tree on the core persistence unit. */
@Component
public class JurisdictionServiceImpl implements JurisdictionService {
    private static final int MAX_NAME = 100;

    private final Database db;

    @Activate
    public JurisdictionServiceImpl(@Reference CoreDatabase database) {
        this(database.database());
    }

    JurisdictionServiceImpl(Database db) {
        this.db = db;
    }

    /** Outside OSGi (tests in other packages, tools): on a plain {@link Database}; SCR sees only the constructor above. */
    public static JurisdictionServiceImpl on(Database db) {
        return new JurisdictionServiceImpl(db);
    }

    @Override
    public List<JurisdictionDTO> children(String parentCode) {
        return db.tx(em -> {
            List<JurisdictionEntity> rows = parentCode == null
                    ? em.createNamedQuery(JurisdictionEntity.ROOTS, JurisdictionEntity.class).getResultList()
                    : em.createNamedQuery(JurisdictionEntity.CHILDREN, JurisdictionEntity.class)
                            .setParameter("parent", parentCode).getResultList();
            Map<String, Integer> counts = childCounts(em, rows);
            return rows.stream().map(e -> toDTO(e, counts.getOrDefault(e.code(), 0))).collect(Collectors.toList());
        });
    }

    @Override
    public Optional<JurisdictionDTO> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return db.tx(em -> {
            JurisdictionEntity e = em.find(JurisdictionEntity.class, code);
            if (e == null) {
                return Optional.empty();
            }
            return Optional.of(toDTO(e, childCounts(em, List.of(e)).getOrDefault(code, 0)));
        });
    }

    @Override
    public JurisdictionDTO create(JurisdictionDTO in) {
        Input.body(in);
        String code = Input.trimToNull(in.code);
        String name = Input.trimToNull(in.name);
        String parentCode = Input.trimToNull(in.parentCode);
        JurisdictionLevel level = in.level;
        if (code == null) {
            throw RenkouException.invalid("code", "请填写区划代码。", "The code is required.");
        }
        if (name == null) {
            throw RenkouException.invalid("name", "请填写名称。", "The name is required.");
        }
        if (name.length() > MAX_NAME) {
            throw RenkouException.invalid("name", "名称不能超过 " + MAX_NAME + " 个字。",
                    "The name must not be longer than " + MAX_NAME + " characters.");
        }
        if (level == null) {
            throw RenkouException.invalid("level", "请选择层级（省、市、县、街道/乡镇、社区/村、居民小组）。",
                    "The level is required (PROVINCE, CITY, COUNTY, STREET, COMMUNITY or GROUP).");
        }
        if (!level.acceptsCode(code)) {
            throw RenkouException.invalid("code",
                    "代码“" + code + "”不符合" + level.nameZh() + "代码格式。",
                    "Code '" + code + "' does not have the form of a " + level.nameEn() + " code.");
        }
        if (level == JurisdictionLevel.PROVINCE && parentCode != null) {
            throw RenkouException.invalid("parentCode", "省级区划没有上级。", "A province has no parent.");
        }
        if (level != JurisdictionLevel.PROVINCE && parentCode == null) {
            throw RenkouException.invalid("parentCode", "请填写上级区划代码。", "The parent code is required.");
        }
        return db.tx(em -> {
            if (em.find(JurisdictionEntity.class, code) != null) {
                throw RenkouException.conflict("code", "区划代码 " + code + " 已存在。",
                        "Code " + code + " is already taken.");
            }
            if (parentCode != null) {
                checkParent(em.find(JurisdictionEntity.class, parentCode), parentCode, code, level);
            }
            long sameName = (parentCode == null
                    ? em.createNamedQuery(JurisdictionEntity.ROOT_WITH_NAME, Long.class)
                    : em.createNamedQuery(JurisdictionEntity.SIBLING_WITH_NAME, Long.class)
                            .setParameter("parent", parentCode))
                    .setParameter("name", name).getSingleResult();
            if (sameName > 0) {
                throw RenkouException.conflict("name", "同一上级下已有名为“" + name + "”的区划。",
                        "A jurisdiction named '" + name + "' already exists under the same parent.");
            }
            JurisdictionEntity e = new JurisdictionEntity(code, name, level, parentCode);
            em.persist(e);
            em.flush();
            return toDTO(e, 0);
        });
    }

    private static void checkParent(JurisdictionEntity parent, String parentCode, String code,
            JurisdictionLevel level) {
        if (parent == null) {
            throw RenkouException.invalid("parentCode", "上级区划 " + parentCode + " 不存在。",
                    "Parent " + parentCode + " does not exist.");
        }
        if (!level.mayHaveParent(parent.level())) {
            throw RenkouException.invalid("parentCode",
                    level.nameZh() + "区划不能直接隶属于" + parent.level().nameZh() + "区划。",
                    "A " + level.nameEn() + " cannot sit directly under a " + parent.level().nameEn() + ".");
        }
        String prefix = parent.level().childPrefix(parent.code());
        if (!code.startsWith(prefix)) {
            throw RenkouException.invalid("code", "代码 " + code + " 应以上级代码前缀 " + prefix + " 开头。",
                    "Code " + code + " must start with its parent's prefix " + prefix + ".");
        }
    }

    @Override
    public long count() {
        return db.tx(em -> em.createNamedQuery(JurisdictionEntity.COUNT, Long.class).getSingleResult());
    }

    private static Map<String, Integer> childCounts(EntityManager em, List<JurisdictionEntity> parents) {
        Map<String, Integer> counts = new HashMap<>();
        if (parents.isEmpty()) {
            return counts;
        }
        List<String> codes = parents.stream().map(JurisdictionEntity::code).collect(Collectors.toList());
        for (Object[] row : em.createNamedQuery(JurisdictionEntity.CHILD_COUNTS, Object[].class)
                .setParameter("parents", codes).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    private static JurisdictionDTO toDTO(JurisdictionEntity e, int childCount) {
        JurisdictionDTO d = new JurisdictionDTO();
        d.code = e.code();
        d.name = e.name();
        d.level = e.level();
        d.parentCode = e.parentCode();
        d.childCount = childCount;
        d.version = e.version();
        return d;
    }
}
