package org.renkou.province.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.province.Confidence;
import org.renkou.core.api.province.PolicySource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rule values of a province (政策数据): national data plus the province's data files, validated on load.
 *
 * <p>File format ({@code regional-policies/<province>/*.json}):
 * <pre>
 * {"province": "44", "rules": [
 *   {"key": "leave.paternity", "value": 15, "unit": "days",
 *    "source": {"regulation": "《广东省人口与计划生育条例》", "article": "第三十条"},
 *    "effectiveFrom": "2021-12-01", "effectiveTo": null, "confidence": "high", "noteZh": "…", "noteEn": "…"}]}
 * </pre>
 * A missing source or effective date, an unknown confidence, or two rules of one key with overlapping periods in one
 * file are refused with the file and line. {@code value} may be {@code null}: the value is not known, and the scheme
 * it feeds stays inactive. Files are layers: national first, then the province's files by name; a later file's rule
 * takes precedence from its effective date on, which is how a rule change is added without editing the old file.
 */
public final class PolicyRules {
    /** Province code of the national data file. */
    public static final String NATIONAL = "00";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<PolicyRule> rules;

    private PolicyRules(List<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A data file's name and text. */
    public record DataFile(String name, String text) {
    }

    /**
     * Loads national data (layer 0) and the province's files (layers 1…, in the given order).
     *
     * @throws RenkouException INVALID naming the file and line of the first fault
     */
    public static PolicyRules load(String province, List<DataFile> national, List<DataFile> provinceFiles) {
        List<PolicyRule> all = new ArrayList<>();
        for (DataFile f : national) {
            all.addAll(parse(f, NATIONAL, 0));
        }
        int layer = 1;
        for (DataFile f : provinceFiles) {
            all.addAll(parse(f, province, layer++));
        }
        return new PolicyRules(all);
    }

    /**
     * Reads {@code policies/national/*.json} and {@code policies/<folder>/*.json} from a province bundle (packed at
     * build time from {@code regional-policies/}).
     */
    public static PolicyRules fromBundle(Bundle bundle, String province, String folder) {
        return load(province, entries(bundle, "policies/national"), entries(bundle, "policies/" + folder));
    }

    /** Reads the data files from folders on disk: {@code regional-policies/national} and the province's. */
    public static PolicyRules fromFolders(String province, Path national, Path provinceFolder) {
        return load(province, files(national), files(provinceFolder));
    }

    private static List<DataFile> files(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            List<DataFile> out = new ArrayList<>();
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList())) {
                out.add(new DataFile(folder.getFileName() + "/" + p.getFileName(), Files.readString(p)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<DataFile> entries(Bundle bundle, String path) {
        Enumeration<URL> urls = bundle.findEntries(path, "*.json", false);
        List<URL> list = urls == null ? List.of() : Collections.list(urls);
        List<DataFile> files = new ArrayList<>();
        for (URL u : list.stream().sorted(Comparator.comparing(URL::getPath)).collect(Collectors.toList())) {
            try (var in = u.openStream()) {
                String name = u.getPath().substring(u.getPath().lastIndexOf('/') + 1);
                files.add(new DataFile(path.substring("policies/".length()) + "/" + name,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** These rules with {@code candidate} added as the newest layer: what a policy change would do. */
    public PolicyRules withCandidate(String province, DataFile candidate) {
        int layer = rules.stream().mapToInt(PolicyRule::layer).max().orElse(0) + 1;
        List<PolicyRule> all = new ArrayList<>(rules);
        all.addAll(parse(candidate, province, layer));
        return new PolicyRules(all);
    }

    /**
     * The rule for {@code key} in force on {@code date}: of the rules in force that day, the one of the newest
     * layer; empty when none is (or its value is unknown).
     */
    public Optional<PolicyRule> inForce(String key, LocalDate date) {
        return rules.stream().filter(r -> r.key().equals(key) && r.source().inForce(date))
                .max(Comparator.comparingInt(PolicyRule::layer)).filter(r -> r.value() != null);
    }

    /** The first day any rule of {@code key} is in force (e.g. when a scheme began), if there is one. */
    public Optional<LocalDate> firstEffective(String key) {
        return rules.stream().filter(r -> r.key().equals(key)).map(r -> r.source().effectiveFrom())
                .min(Comparator.naturalOrder());
    }

    /** Every rule, in file order. */
    public List<PolicyRule> all() {
        return rules;
    }

    static List<PolicyRule> parse(DataFile file, String province, int layer) {
        List<PolicyRule> out = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(file.text())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw fault(file, 1, "文件应为 JSON 对象", "the file must hold a JSON object");
            }
            String declared = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("province".equals(field)) {
                    declared = p.getValueAsString();
                } else if ("rules".equals(field) && p.currentToken() == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        int line = p.currentTokenLocation().getLineNr();
                        out.add(rule(file, line, JSON.readTree(p), layer));
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!province.equals(declared)) {
                throw fault(file, 1, "“province”应为 " + province, "\"province\" must be " + province);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw fault(file, line, "不是有效的 JSON", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkOverlaps(file, out);
        return out;
    }

    private static PolicyRule rule(DataFile file, int line, JsonNode n, int layer) {
        String key = text(n, "key");
        if (key == null) {
            throw fault(file, line, "缺少“key”", "\"key\" is missing");
        }
        JsonNode source = n.get("source");
        String regulation = source == null ? null : text(source, "regulation");
        String article = source == null ? null : text(source, "article");
        if (regulation == null || article == null) {
            throw fault(file, line, "规则 " + key + " 缺少法规依据（source.regulation、source.article）",
                    "rule " + key + " has no legal source (source.regulation, source.article)");
        }
        LocalDate from = date(file, line, key, n, "effectiveFrom", true);
        LocalDate to = date(file, line, key, n, "effectiveTo", false);
        if (to != null && to.isBefore(from)) {
            throw fault(file, line, "规则 " + key + " 的失效日期早于生效日期", "rule " + key + " ends before it starts");
        }
        Confidence confidence;
        try {
            confidence = Confidence.valueOf(String.valueOf(text(n, "confidence")).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fault(file, line, "规则 " + key + " 的 confidence 应为 high、medium 或 low",
                    "rule " + key + ": confidence must be high, medium or low");
        }
        JsonNode v = n.get("value");
        if (v != null && !v.isNull() && !v.isNumber()) {
            throw fault(file, line, "规则 " + key + " 的 value 应为数字或 null", "rule " + key + ": value must be a number or null");
        }
        BigDecimal value = v == null || v.isNull() ? null : v.decimalValue();
        return new PolicyRule(key, value, text(n, "unit"), new PolicySource(regulation, article, from, to, confidence),
                text(n, "noteZh"), text(n, "noteEn"), file.name(), line, layer);
    }

    /** Dates as {@code yyyy-MM-dd}; a source that gives only {@code yyyy-MM} or {@code yyyy} means its first day. */
    private static LocalDate date(DataFile file, int line, String key, JsonNode n, String field, boolean required) {
        String s = text(n, field);
        if (s == null) {
            if (required) {
                throw fault(file, line, "规则 " + key + " 缺少 " + field, "rule " + key + " has no " + field);
            }
            return null;
        }
        try {
            return LocalDate.parse(s.length() == 4 ? s + "-01-01" : s.length() == 7 ? s + "-01" : s);
        } catch (DateTimeParseException e) {
            throw fault(file, line, "规则 " + key + " 的 " + field + " 不是日期（yyyy-MM-dd）",
                    "rule " + key + ": " + field + " is not a date (yyyy-MM-dd)");
        }
    }

    private static void checkOverlaps(DataFile file, List<PolicyRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                PolicyRule a = rules.get(i);
                PolicyRule b = rules.get(j);
                if (a.key().equals(b.key()) && overlap(a.source(), b.source())) {
                    throw fault(file, b.line(), "规则 " + b.key() + " 的有效期与第 " + a.line() + " 行重叠",
                            "rule " + b.key() + " overlaps the period of line " + a.line());
                }
            }
        }
    }

    private static boolean overlap(PolicySource a, PolicySource b) {
        return (a.effectiveTo() == null || !b.effectiveFrom().isAfter(a.effectiveTo()))
                && (b.effectiveTo() == null || !a.effectiveFrom().isAfter(b.effectiveTo()));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static RenkouException fault(DataFile file, int line, String zh, String en) {
        return RenkouException.invalid("file", "政策数据文件 " + file.name() + " 第 " + line + " 行：" + zh + "。",
                "Policy data file " + file.name() + " line " + line + ": " + en + ".");
    }
}
