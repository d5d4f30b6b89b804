package org.renkou.rest.core.internal.imports;

import java.util.ArrayList;
import java.util.List;

import org.renkou.core.api.imports.ImportConversionDTO;
import org.renkou.core.api.imports.ImportErrorDTO;
import org.renkou.core.api.imports.ImportJobDTO;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.report.ReportTable;

/** The import's workbooks: the template to fill in and a job's report (rejected rows, 15-digit conversions). */
final class ImportSheets {
    private static final List<String> MANDATORY = List.of(ImportService.MANDATORY_COLUMNS.split(","));

    private ImportSheets() {
    }

    /** Every column the import reads, in the template's order. */
    static List<String> columns() {
        List<String> c = new ArrayList<>(List.of(ImportService.REQUIRED_COLUMNS.split(",")));
        c.addAll(List.of(ImportService.FACT_COLUMNS.split(",")));
        c.addAll(List.of(ImportService.HOUSEHOLD_COLUMNS.split(",")));
        return c;
    }

    static List<ReportTable> template(boolean en) {
        List<String> columns = columns();
        // sheet 1: no title row, the header in row 1 and nothing else, so that the filled-in file imports as it is
        ReportTable fill = new ReportTable("", columns, List.of(), List.of());
        List<Object> example = List.of("440606199001010010", "张三", "440606901001", "440606", "REGISTERED", "已婚",
                "13800000000", "示例路 1 号", "农业", "H0001", "户主");
        List<String> notes = new ArrayList<>();
        notes.add(en ? "Required columns: " + String.join(", ", MANDATORY) + ". The others may be left out of the header "
                + "or empty, as in the form; householdNumber and relation go together."
                : "必填列：" + String.join("、", MANDATORY) + "；其余列可不出现在表头或留空（与登记表单相同）；householdNumber 与 relation 须同时提供。");
        notes.add(en ? "status: REGISTERED / RESIDENT / MIGRANT (户籍人口/常住人口/流动人口); maritalStatus: UNMARRIED / "
                + "MARRIED / DIVORCED / WIDOWED (未婚/已婚/离婚/丧偶); relation: HEAD / SPOUSE / CHILD / … (户主/配偶/子女/…); hukouNature: RURAL / URBAN (农业/非农业)."
                : "status 可填 户籍人口/常住人口/流动人口；maritalStatus 可填 未婚/已婚/离婚/丧偶；relation 可填 户主/配偶/子女/父母/孙子女/祖父母/兄弟姐妹/其他；hukouNature（户口性质）可填 农业/非农业。");
        notes.add(en ? "Old 15-digit ID numbers are accepted on import only and converted to 18 digits (century 19); "
                + "the job report lists each conversion. Type ID numbers as text, not as numbers."
                : "15 位旧身份证号码仅在导入时接受，自动转换为 18 位（补“19”并计算校验位），导入报告逐条列出转换。身份证号码请以文本格式填写。");
        notes.add(en ? "This sheet is not imported: fill in sheet 1." : "本页不导入，请在第一页填写。");
        ReportTable sample = new ReportTable(en ? "Example row" : "填写示例", columns, List.of(example), notes);
        return List.of(fill, sample);
    }

    static List<ReportTable> report(ImportJobDTO job, boolean en) {
        List<List<Object>> rows = new ArrayList<>();
        for (ImportErrorDTO e : job.errors) {
            rows.add(List.of(e.line, e.field == null ? (en ? "(row)" : "（整行）") : e.field,
                    en ? e.messageEn : e.message));
        }
        List<String> notes = List.of((en ? "Job " : "导入任务 ") + job.id + (en ? ": " : "：") + job.importedRows
                + (en ? " imported, " : " 条导入，") + job.skippedExisting + (en ? " already registered, " : " 条已登记跳过，")
                + job.errorRows + (en ? " rejected (the first " : " 条被拒（列出前 ") + job.errors.size()
                + (en ? " listed)." : " 条）。"));
        List<ReportTable> sheets = new ArrayList<>();
        sheets.add(new ReportTable(en ? "Rejected rows" : "被拒行", en ? List.of("Line", "Column", "Reason")
                : List.of("行号", "列", "原因"), rows, notes));
        if (!job.conversions.isEmpty()) {
            List<List<Object>> conv = new ArrayList<>();
            for (ImportConversionDTO c : job.conversions) {
                conv.add(List.of(c.line, c.from, c.to));
            }
            sheets.add(new ReportTable(en ? "15-digit ID numbers converted" : "15位身份证号码转换",
                    en ? List.of("Line", "15 digits", "18 digits") : List.of("行号", "15 位", "18 位"), conv,
                    List.of((en ? "Converted: " : "共转换 ") + job.convertedIds)));
        }
        return sheets;
    }
}
