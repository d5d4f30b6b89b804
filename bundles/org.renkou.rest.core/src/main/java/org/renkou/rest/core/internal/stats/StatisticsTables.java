package org.renkou.rest.core.internal.stats;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.report.ReportTable;
import org.renkou.core.api.stats.ActivityDTO;
import org.renkou.core.api.stats.AreaDTO;
import org.renkou.core.api.stats.BenefitCountDTO;
import org.renkou.core.api.stats.CountDTO;
import org.renkou.core.api.stats.MonthDTO;
import org.renkou.core.api.stats.PopulationDTO;
import org.renkou.core.api.stats.SnapshotDTO;

/** The statistics as report tables (报表) in the reader's language, for the Excel and PDF downloads. */
final class StatisticsTables {
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ChinaTime.ZONE);

    private StatisticsTables() {
    }

    /** "统计截至 2026-11-24 16:50（北京时间）" — the line every table and the page carry. */
    static String asOf(SnapshotDTO s, boolean en) {
        String time = s == null || s.asOf == null ? "—" : AS_OF.format(s.asOf);
        return en ? "Figures as of " + time + " (Beijing time)" : "统计截至 " + time + "（北京时间）";
    }

    private static String where(String code, String name, boolean en) {
        if (code == null) {
            return en ? "Jurisdiction: all within your reach" : "辖区：本人全部辖区";
        }
        return (en ? "Jurisdiction: " : "辖区：") + name + " (" + code + ")";
    }

    private static String label(CountDTO c, boolean en) {
        return en ? c.nameEn : c.nameZh;
    }

    static List<ReportTable> population(PopulationDTO p, boolean en) {
        List<String> notes = List.of(where(p.jurisdictionCode, p.jurisdictionName, en), asOf(p.snapshot, en),
                en ? "Dual jurisdiction: a resident living in one unit and registered in another counts in both lines."
                        : "双重管辖：现居住地与户籍地不在同一辖区的居民在两处各计一次，各行之和可能大于合计。");
        List<List<Object>> areas = new ArrayList<>();
        for (AreaDTO a : p.areas) {
            areas.add(Arrays.asList(a.code, a.code == null ? (en ? "not in a sub-unit" : "未归入下级辖区") : a.name,
                    a.total, a.livingHere, a.registeredHere, a.male, a.female, a.migrants));
        }
        areas.add(Arrays.asList(null, en ? "Total" : "合计", p.total, p.livingHere, p.registeredHere,
                p.bySex.get(0).total, p.bySex.get(1).total, p.byStatus.get(2).total));
        List<ReportTable> tables = new ArrayList<>();
        tables.add(new ReportTable(en ? "Population by jurisdiction" : "分辖区人口",
                en ? List.of("Code", "Jurisdiction", "Living or registered", "Living here", "Registered here", "Male",
                        "Female", "Migrants")
                        : List.of("区划代码", "辖区", "合计（居住或户籍在此）", "现居住地在此", "户籍地在此", "男", "女", "流动人口"),
                areas, notes));
        tables.add(bySex(en ? "Population by age and sex" : "分年龄性别人口", en ? "Age" : "年龄组", p.byAgeBand, en,
                notes, List.of(en ? "Women aged 15–49" : "育龄妇女（15–49岁）", p.womenOfChildbearingAge,
                        en ? "of them married" : "其中已婚", p.marriedWomenOfChildbearingAge)));
        tables.add(bySex(en ? "Population by status" : "分人口类别", en ? "Status" : "人口类别", p.byStatus, en, notes, null));
        tables.add(bySex(en ? "Population by marital status" : "分婚姻状况", en ? "Marital status" : "婚姻状况",
                p.byMaritalStatus, en, notes, null));
        return tables;
    }

    private static ReportTable bySex(String title, String first, List<CountDTO> rows, boolean en, List<String> notes,
            List<Object> extra) {
        List<List<Object>> out = new ArrayList<>();
        long total = 0;
        long male = 0;
        long female = 0;
        for (CountDTO c : rows) {
            out.add(Arrays.asList(label(c, en), c.total, c.male, c.female));
            total += c.total;
            male += c.male;
            female += c.female;
        }
        out.add(Arrays.asList(en ? "Total" : "合计", total, male, female));
        List<String> allNotes = new ArrayList<>(notes);
        if (extra != null) {
            allNotes.add(extra.get(0) + (en ? ": " : "：") + extra.get(1) + (en ? "; " : "；") + extra.get(2)
                    + (en ? ": " : "：") + extra.get(3));
        }
        return new ReportTable(title, en ? List.of(first, "Total", "Male", "Female") : List.of(first, "合计", "男", "女"),
                out, allNotes);
    }

    static List<ReportTable> activity(ActivityDTO a, boolean en) {
        List<String> notes = List.of(where(a.jurisdictionCode, a.jurisdictionName, en), asOf(a.snapshot, en),
                (en ? "Period: " : "统计期间：") + a.from + (en ? " to " : " 至 ") + a.to);
        List<List<Object>> months = new ArrayList<>();
        List<MonthDTO> all = new ArrayList<>(a.months);
        all.add(a.totals);
        for (MonthDTO m : all) {
            months.add(Arrays.asList(m == a.totals ? (en ? "Total" : "合计") : m.month, m.marriages, m.divorces, m.births,
                    m.firstBirths, m.secondBirths, m.thirdOrLaterBirths, m.certificatesIssued, m.applicationsSubmitted,
                    m.migrantsArrived, m.migrantsLeft));
        }
        List<ReportTable> tables = new ArrayList<>();
        tables.add(new ReportTable(en ? "Registrations by month" : "分月业务统计",
                en ? List.of("Month", "Marriages", "Divorces", "Births", "1st child", "2nd child", "3rd+ child",
                        "Certificates issued", "Applications", "Migrants arrived", "Migrants left")
                        : List.of("月份", "结婚登记", "离婚", "生育登记", "一孩", "二孩", "三孩及以上", "发放证件", "扶助申请",
                                "流入登记", "流出"),
                months, notes));
        List<List<Object>> types = new ArrayList<>();
        for (CountDTO c : a.certificatesByType) {
            types.add(Arrays.asList(c.key, label(c, en), c.total));
        }
        tables.add(new ReportTable(en ? "Certificates issued" : "证件发放",
                en ? List.of("Type", "Name", "Issued") : List.of("类型", "名称", "发放数"), types, notes));
        List<List<Object>> benefits = new ArrayList<>();
        for (BenefitCountDTO b : a.benefits) {
            benefits.add(Arrays.asList(b.schemeId, en ? b.nameEn : b.nameZh, b.inReview, b.approved, b.paid, b.rejected,
                    b.total));
        }
        tables.add(new ReportTable(en ? "Benefit applications" : "扶助申请",
                en ? List.of("Scheme", "Name", "In review", "Approved", "Paid", "Rejected", "Total")
                        : List.of("项目", "名称", "审核中", "已批准", "已发放", "未通过", "合计"),
                benefits, notes));
        return tables;
    }
}
