package org.renkou.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.renkou.core.api.CertificateDTO;
import org.renkou.core.api.CertificatePrintDTO;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.province.FormDefinition.FormField;

/**
 * The PDF of one print of a certificate (打印版), A5 landscape like the paper booklet: red frame, title, number, the
 * form's fields with a line each, verification code. The CJK font is embedded as a subset. PDFBox embeds TrueType
 * outlines only, so the font must be a TrueType one (Debian {@code fonts-wqy-zenhei} by default; Noto CJK ships CFF
 * outlines, which PDFBox cannot embed): framework properties {@code renkou.cjkFont} (a .ttf or .ttc file) and
 * {@code renkou.cjkFontName} (the face in a .ttc).
 */
final class PrintablePdf {
    static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    static final String DEFAULT_FONT_NAME = "WenQuanYiZenHei";

    private PrintablePdf() {
    }

    /** The CJK font file ({@code renkou.cjkFont}, else the default); 503 in words when it is not there. */
    static File font(String fontFile) {
        File file = new File(fontFile == null ? DEFAULT_FONT : fontFile);
        if (!file.isFile()) {
            throw RenkouException.unavailable("未安装中文字体（" + file + "），暂不能生成 PDF；请安装 fonts-wqy-zenhei。",
                    "No CJK font at " + file + ": install fonts-wqy-zenhei or set renkou.cjkFont.");
        }
        return file;
    }

    static byte[] pdf(FormDefinition form, CertificateDTO c, CertificatePrintDTO print, Map<String, String> values,
            File file, String fontName) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, trueType(file, fontName == null ? DEFAULT_FONT_NAME : fontName),
                    true);
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
                text(cs, font, 22, (w - font.getStringWidth(form.nameZh()) / 1000 * 22) / 2, h - 70, form.nameZh());
                cs.setNonStrokingColor(0f, 0f, 0f);
                String no = "编号 No. " + c.number;
                text(cs, font, 11, w - 48 - font.getStringWidth(no) / 1000 * 11, h - 95, no);
                float y = h - 130;
                cs.setStrokingColor(0.4f, 0.4f, 0.4f);
                cs.setLineWidth(0.5f);
                for (FormField f : form.fields()) {
                    text(cs, font, 12, 60, y, f.labelZh());
                    text(cs, font, 12, 200, y, values.getOrDefault(f.name(), ""));
                    cs.moveTo(195, y - 4);
                    cs.lineTo(w - 60, y - 4);
                    cs.stroke();
                    y -= 28;
                }
                text(cs, font, 9, 60, 40, "核验码 " + print.verificationCode + "（第 " + print.printNo
                        + " 次打印；以最新打印的证件为准。核验：/api/certificates/verify/" + print.verificationCode + "）");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw RenkouException.unavailable("PDF 生成失败，请联系管理员查看日志。", "The PDF could not be made: " + e.getMessage());
        }
    }

    private static TrueTypeFont trueType(File file, String name) throws IOException {
        if (file.getName().endsWith(".ttc")) {
            // the collection stays open with the font it gave out; both are read into memory by then
            TrueTypeFont f = new TrueTypeCollection(file).getFontByName(name);
            if (f == null) {
                throw new IOException("no face " + name + " in " + file);
            }
            return f;
        }
        return new TTFParser().parse(new RandomAccessReadBufferedFile(file));
    }

    private static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
