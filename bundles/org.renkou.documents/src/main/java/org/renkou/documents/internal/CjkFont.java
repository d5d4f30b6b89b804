package org.renkou.documents.internal;

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
        return PDType0Font.load(doc, trueType(file(fontFile), fontName == null ? DEFAULT_NAME : fontName), true);
    }

    /** The font file ({@code renkou.cjkFont}, else the default); 503 in words when it is not there. */
    static File file(String fontFile) {
        File file = new File(fontFile == null ? DEFAULT_FILE : fontFile);
        if (!file.isFile()) {
            throw RenkouException.unavailable("未安装中文字体（" + file + "），暂不能生成 PDF；请安装 fonts-wqy-zenhei。",
                    "No CJK font at " + file + ": install fonts-wqy-zenhei or set renkou.cjkFont.");
        }
        return file;
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

    /**
     * The width of {@code s}; a character the font has no glyph for (a 生僻字 of CJK Extension B such as 𪚥) counts
     * as one em, the box {@link #text} draws in its place.
     */
    static float width(PDType0Font font, float size, String s) throws IOException {
        float w = 0;
        for (Run r : runs(font, s)) {
            w += r.missing() ? size : font.getStringWidth(r.text()) / 1000 * size;
        }
        return w;
    }

    /**
     * Writes {@code s}; a character missing from the font is drawn as a box with its code point (U+2A6A5) under
     * it, so the paper shows that a character is there and which one, instead of failing the print.
     */
    static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
            throws IOException {
        float at = x;
        for (Run r : runs(font, s)) {
            if (r.missing()) {
                placeholder(cs, font, size, at, y, r.text().codePointAt(0));
                at += size;
                continue;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(at, y);
            cs.showText(r.text());
            cs.endText();
            at += font.getStringWidth(r.text()) / 1000 * size;
        }
    }

    private static void placeholder(PDPageContentStream cs, PDType0Font font, float size, float x, float y, int cp)
            throws IOException {
        cs.addRect(x + size * 0.05f, y - size * 0.15f, size * 0.9f, size * 0.95f);
        cs.stroke();
        String code = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        float small = Math.max(2.5f, size * 1.6f / Math.max(4, code.length() + 1));
        cs.beginText();
        cs.setFont(font, small);
        cs.newLineAtOffset(x + size * 0.1f, y + size * 0.25f);
        cs.showText(code);
        cs.endText();
    }

    /** A piece of text: characters the font has, or one it lacks. */
    record Run(String text, boolean missing) {
    }

    static java.util.List<Run> runs(PDType0Font font, String s) {
        java.util.List<Run> out = new java.util.ArrayList<>();
        StringBuilder have = new StringBuilder();
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            String one = new String(Character.toChars(cp));
            i += one.length();
            if (hasGlyph(font, one)) {
                have.append(one);
                continue;
            }
            if (have.length() > 0) {
                out.add(new Run(have.toString(), false));
                have.setLength(0);
            }
            out.add(new Run(one, true));
        }
        if (have.length() > 0) {
            out.add(new Run(have.toString(), false));
        }
        return out;
    }

    private static boolean hasGlyph(PDType0Font font, String one) {
        try {
            font.encode(one);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false; // "No glyph for U+2A6A5 in font …"
        }
    }
}
