package org.renkou.core.internal.imports;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.household.Relation;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.resident.HukouNature;
import org.renkou.core.api.resident.MaritalStatus;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.api.resident.ResidentDTO;

/**
 * The header of an import file: which column holds which field. Column names are those of
 * {@link ImportService#REQUIRED_COLUMNS} (those of {@link ImportService#MANDATORY_COLUMNS} must be there, the others
 * are optional as in the form) and {@link ImportService#HOUSEHOLD_COLUMNS} (both or neither), in any order, case
 * ignored. A 15-digit ID number is converted to 18 digits here ({@link OldIdNumbers}), on import only. Enumerated values may be given by name ({@code MARRIED}) or in
 * Chinese ({@code 已婚}).
 */
final class ImportColumns {
    static final List<String> REQUIRED = List.of(ImportService.REQUIRED_COLUMNS.split(","));
    static final List<String> MANDATORY = List.of(ImportService.MANDATORY_COLUMNS.split(","));
    /** Optional columns added after version 1.0 of the header. */
    static final List<String> EXTRA = List.of(ImportService.FACT_COLUMNS.split(","));
    private static final Map<String, HukouNature> HUKOU_ZH = Map.of("农业", HukouNature.RURAL, "农业户口", HukouNature.RURAL,
            "农村", HukouNature.RURAL, "非农业", HukouNature.URBAN, "非农业户口", HukouNature.URBAN, "城镇", HukouNature.URBAN);
    static final List<String> HOUSEHOLD = List.of(ImportService.HOUSEHOLD_COLUMNS.split(","));
    private static final Map<String, MaritalStatus> MARITAL_ZH = Map.of("未婚", MaritalStatus.UNMARRIED,
            "已婚", MaritalStatus.MARRIED, "离婚", MaritalStatus.DIVORCED, "丧偶", MaritalStatus.WIDOWED);
    private static final Map<String, Relation> RELATION_ZH = Map.of("户主", Relation.HEAD, "配偶", Relation.SPOUSE,
            "子女", Relation.CHILD, "父母", Relation.PARENT, "孙子女", Relation.GRANDCHILD, "祖父母", Relation.GRANDPARENT,
            "兄弟姐妹", Relation.SIBLING, "其他", Relation.OTHER);
    private static final Map<String, ResidenceStatus> STATUS_ZH = new HashMap<>();

    static {
        for (ResidenceStatus s : ResidenceStatus.values()) {
            STATUS_ZH.put(s.nameZh(), s);
        }
    }

    private final Map<String, Integer> index;
    final int size;

    private ImportColumns(Map<String, Integer> index, int size) {
        this.index = index;
        this.size = size;
    }

    /** A data row parsed into the fields of a resident and, if the file has them, a household. */
    record Row(long line, ResidentDTO resident, String householdNumber, Relation relation, String oldIdNumber) {
    }

    /** Checks a header row; INVALID (field {@code header}) naming every unknown, repeated or missing column. */
    static ImportColumns of(List<String> header) {
        Map<String, String> known = new HashMap<>();
        for (String c : REQUIRED) {
            known.put(c.toLowerCase(Locale.ROOT), c);
        }
        for (String c : HOUSEHOLD) {
            known.put(c.toLowerCase(Locale.ROOT), c);
        }
        for (String c : EXTRA) {
            known.put(c.toLowerCase(Locale.ROOT), c);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            String raw = header.get(i).strip();
            String name = known.get(raw.toLowerCase(Locale.ROOT));
            if (name == null) {
                throw headerError("第 " + (i + 1) + " 列的列名“" + raw + "”无法识别。",
                        "Column " + (i + 1) + " is named '" + raw + "', which is not a known column.");
            }
            if (index.put(name, i) != null) {
                throw headerError("列“" + name + "”出现了两次。", "Column '" + name + "' appears twice.");
            }
        }
        List<String> missing = MANDATORY.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw headerError("缺少列：" + String.join("、", missing) + "。", "Missing columns: " + missing + ".");
        }
        if (index.containsKey(HOUSEHOLD.get(0)) != index.containsKey(HOUSEHOLD.get(1))) {
            throw headerError("householdNumber 与 relation 两列须同时提供。",
                    "Give both householdNumber and relation, or neither.");
        }
        return new ImportColumns(index, header.size());
    }

    private static RenkouException headerError(String zh, String en) {
        return RenkouException.invalid("header", "表头有误：" + zh + "表头须有：" + ImportService.MANDATORY_COLUMNS
                + "，可有：" + optional() + "[," + ImportService.HOUSEHOLD_COLUMNS + "]。", "Wrong header: " + en
                + " Needed: " + ImportService.MANDATORY_COLUMNS + "; optional: " + optional() + "[,"
                + ImportService.HOUSEHOLD_COLUMNS + "].");
    }

    private static String optional() {
        return String.join(",", REQUIRED.stream().filter(c -> !MANDATORY.contains(c)).toList()) + ","
                + String.join(",", EXTRA);
    }

    boolean hasHouseholds() {
        return index.containsKey(HOUSEHOLD.get(0));
    }

    /** The row's fields; INVALID naming the column at fault. Place and household are checked later. */
    Row parse(long line, List<String> fields) {
        if (fields.size() != size) {
            throw RenkouException.invalid(null, "该行有 " + fields.size() + " 列，表头有 " + size + " 列。",
                    "The row has " + fields.size() + " columns; the header has " + size + ".");
        }
        ResidentDTO d = new ResidentDTO();
        d.idNumber = get(fields, "idNumber");
        String old = null;
        if (OldIdNumbers.isFifteen(d.idNumber)) {
            old = d.idNumber.strip();
            d.idNumber = OldIdNumbers.toEighteen(old);
        }
        d.name = get(fields, "name");
        d.residenceCode = get(fields, "residenceCode");
        d.registrationCode = get(fields, "registrationCode");
        d.status = value(get(fields, "status"), ResidenceStatus.class, STATUS_ZH, "status");
        d.maritalStatus = value(get(fields, "maritalStatus"), MaritalStatus.class, MARITAL_ZH, "maritalStatus");
        d.phone = get(fields, "phone");
        d.address = get(fields, "address");
        d.hukouNature = value(get(fields, "hukouNature"), HukouNature.class, HUKOU_ZH, "hukouNature");
        String household = null;
        Relation relation = null;
        if (hasHouseholds()) {
            household = Input.optional(get(fields, "householdNumber"), "householdNumber", "户号", "household number", 30);
            relation = value(get(fields, "relation"), Relation.class, RELATION_ZH, "relation");
            if ((household == null) != (relation == null)) {
                throw RenkouException.invalid(household == null ? "householdNumber" : "relation",
                        "户号与“与户主关系”须同时填写。", "Give both the household number and the relation, or neither.");
            }
        }
        return new Row(line, d, household, relation, old);
    }

    /** The column's text, {@code null} when the file has no such (optional) column. */
    private String get(List<String> fields, String column) {
        Integer i = index.get(column);
        return i == null ? null : fields.get(i);
    }

    private static <E extends Enum<E>> E value(String raw, Class<E> type, Map<String, E> zh, String field) {
        String t = Input.trimToNull(raw);
        if (t == null) {
            return null;
        }
        E e = zh.get(t);
        if (e != null) {
            return e;
        }
        try {
            return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException x) {
            String allowed = Arrays.toString(type.getEnumConstants());
            throw RenkouException.invalid(field, field + " 的值“" + t + "”无效，可用：" + allowed + " " + zh.keySet() + "。",
                    "Invalid " + field + " '" + t + "'; use one of " + allowed + ".");
        }
    }
}
