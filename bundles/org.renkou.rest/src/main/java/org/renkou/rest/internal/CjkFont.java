package org.renkou.rest.internal;

import java.io.File;
import java.io.IOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.renkou.core.api.RenkouException;

/**
 * The CJK font embedded (as a subset) into Renkou's PDFs. PDFBox embeds TrueType outlines only, so the font must be a
 * TrueType one (Debian {@code fonts-wqy-zenhei} by default; Noto CJK ships CFF outlines, which PDFBox cannot embed):
 * framework properties {@code renkou.cjkFont} (a .ttf or .ttc file) and {@code renkou.cjkFontName} (the face in a
 * .ttc).
 */
final class CjkFont {
    static final String DEFAULT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    static final String DEFAULT_NAME = "WenQuanYiZenHei";

    private CjkFont() {
    }

    /** Loads the font into {@code doc}; a missing font is a 503 that tells the administrator what to install. */
    static PDType0Font load(PDDocument doc, String fontFile, String fontName) throws IOException {
        File file = new File(fontFile == null ? DEFAULT_FILE : fontFile);
        if (!file.isFile()) {
            throw RenkouException.unavailable("未安装中文字体（" + file + "），暂不能生成 PDF；请安装 fonts-wqy-zenhei。",
                    "No CJK font at " + file + ": install fonts-wqy-zenhei or set renkou.cjkFont.");
        }
        return PDType0Font.load(doc, trueType(file, fontName == null ? DEFAULT_NAME : fontName), true);
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

    static float width(PDType0Font font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
