package org.renkou.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.certificate.CertificateDTO;
import org.renkou.core.api.certificate.CertificatePrintDTO;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.province.FormDefinition.FormField;

/**
 * The PDF of one print of a certificate (打印版), A5 landscape like the paper booklet: red frame, title, number, the
 * form's fields with a line each, verification code, in the embedded {@link CjkFont}.
 */
final class PrintablePdf {
    private PrintablePdf() {
    }

    static byte[] pdf(FormDefinition form, CertificateDTO c, CertificatePrintDTO print, Map<String, String> values,
            String fontFile, String fontName, String checkUrl) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = CjkFont.load(doc, fontFile, fontName);
            PDRectangle a5 = new PDRectangle(PDRectangle.A5.getHeight(), PDRectangle.A5.getWidth());
            PDPage page = new PDPage(a5);
            doc.addPage(page);
            float w = a5.getWidth();
            float h = a5.getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setStrokingColor(0.7f, 0f, 0f);
                cs.setLineWidth(2.5f);
                cs.addRect(24, 24, w - 48, h - 48);
                cs.stroke();
                cs.setNonStrokingColor(0.7f, 0f, 0f);
                CjkFont.text(cs, font, 22, (w - CjkFont.width(font, 22, form.nameZh())) / 2, h - 70, form.nameZh());
                cs.setNonStrokingColor(0f, 0f, 0f);
                String no = "编号 No. " + c.number;
                CjkFont.text(cs, font, 11, w - 48 - CjkFont.width(font, 11, no), h - 95, no);
                float y = h - 130;
                cs.setStrokingColor(0.4f, 0.4f, 0.4f);
                cs.setLineWidth(0.5f);
                for (FormField f : form.fields()) {
                    CjkFont.text(cs, font, 12, 60, y, f.labelZh());
                    CjkFont.text(cs, font, 12, 200, y, values.getOrDefault(f.name(), ""));
                    cs.moveTo(195, y - 4);
                    cs.lineTo(w - 60, y - 4);
                    cs.stroke();
                    y -= 28;
                }
                CjkFont.text(cs, font, 9, 60, 40, "核验码 " + print.verificationCode + "（第 " + print.printNo
                        + " 次打印；以最新打印的证件为准。扫码或在证件核验页输入核验码）");
                if (checkUrl != null) { // bottom right inside the frame: the public check page for this code
                    QrCode.of(checkUrl).draw(cs, w - 48 - 70, 32, 64);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw RenkouException.unavailable("PDF 生成失败，请联系管理员查看日志。", "The PDF could not be made: " + e.getMessage());
        }
    }
}
