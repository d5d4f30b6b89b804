package org.renkou.documents.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.renkou.core.api.Sex;
import org.renkou.core.api.certificate.CertificateDTO;
import org.renkou.core.api.certificate.CertificatePrintDTO;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.province.FormDefinition.FormField;
import org.renkou.core.api.resident.ResidentDTO;

/**
 * The printable page (打印页) of one print of a certificate: the province's form, its fields in order with the
 * values Renkou knows and a blank line for the rest (filled in by hand, as on the paper form), the serial number and
 * the verification code. The form's own template is used when the province gives one ({@code {{field}}},
 * {@code {{number}}}, {@code {{code}}}).
 */
final class PrintableForm {
    private PrintableForm() {
    }

    /** The values Renkou knows for a form's fields: the holders' names, the issue date, number and code. */
    static Map<String, String> values(CertificateDTO c, CertificatePrintDTO print, List<ResidentDTO> holders) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ResidentDTO h : holders) {
            values.putIfAbsent(h.sex == Sex.FEMALE ? "motherName" : "fatherName", h.name);
        }
        values.put("issuedOn", String.valueOf(c.issuedOn));
        values.put("number", c.number);
        values.put("code", print.verificationCode);
        return values;
    }

    static String html(FormDefinition form, CertificateDTO c, CertificatePrintDTO print, Map<String, String> values,
            String checkUrl) {
        String qr = checkUrl == null ? "" : QrCode.of(checkUrl).svg(24);
        if (form.template() != null) {
            String out = form.template().replace("{{qr}}", qr); // a province's template places the QR code itself
            for (Map.Entry<String, String> e : values.entrySet()) {
                out = out.replace("{{" + e.getKey() + "}}", escape(e.getValue()));
            }
            return out.replaceAll("\\{\\{[a-zA-Z]+}}", "");
        }
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(form.nameZh())).append("</title><style>body{font-family:'Noto Serif CJK SC',serif;"
                        + "width:180mm;margin:20mm auto;border:2px solid #a00;padding:10mm}h1{text-align:center;"
                        + "color:#a00;letter-spacing:.3em}td{padding:3mm 2mm;border-bottom:1px solid #999}"
                        + "td.v{width:60%}.foot{margin-top:8mm;font-size:small}</style></head><body>")
                .append("<h1>").append(escape(form.nameZh())).append("</h1><p style=\"text-align:right\">编号 No. ")
                .append(escape(c.number)).append("</p><table>");
        for (FormField f : form.fields()) {
            b.append("<tr><td>").append(escape(f.labelZh())).append("</td><td class=\"v\">")
                    .append(escape(values.getOrDefault(f.name(), ""))).append("</td></tr>");
        }
        return b.append("</table><div class=\"qrbox\" style=\"float:right\">").append(qr).append("</div>")
                .append("<p class=\"foot\">核验码 ").append(print.verificationCode).append("（第 ")
                .append(print.printNo).append(" 次打印；核验：").append(escape(checkUrl == null
                        ? "/ui/check.html#" + print.verificationCode : checkUrl)).append("）</p></body></html>").toString();
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
