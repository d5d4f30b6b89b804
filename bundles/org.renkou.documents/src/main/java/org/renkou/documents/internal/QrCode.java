package org.renkou.documents.internal;

import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code (二维码) on a printed certificate, pointing to the public check page for its verification code. Encoded
 * by ZXing core (its classes embedded in this bundle by bnd, {@code -conditionalpackage}); drawn as vector squares in
 * the PDF and as an inline SVG in the HTML page, so no image library is needed.
 */
final class QrCode {
    private final BitMatrix matrix;

    private QrCode(BitMatrix matrix) {
        this.matrix = matrix;
    }

    /** The modules of {@code text} at error-correction level M (a stamp or fold may cover part of it), no margin. */
    static QrCode of(String text) {
        try {
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8")));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code: " + e.getMessage(), e);
        }
    }

    /** Modules per side. */
    int size() {
        return matrix.getWidth();
    }

    boolean dark(int x, int y) {
        return matrix.get(x, y);
    }

    /** Draws the code with its lower left corner at (x, y), {@code side} points wide, in black. */
    void draw(PDPageContentStream cs, float x, float y, float side) throws IOException {
        float m = side / size();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < size(); row++) {
            for (int col = 0; col < size(); col++) {
                if (dark(col, row)) {
                    cs.addRect(x + col * m, y + side - (row + 1) * m, m, m);
                }
            }
        }
        cs.fill();
    }

    /** An inline SVG, {@code mm} millimetres wide, with a quiet zone of four modules. */
    String svg(int mm) {
        int n = size() + 8;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"").append(mm)
                .append("mm\" height=\"").append(mm).append("mm\" viewBox=\"0 0 ").append(n).append(' ').append(n)
                .append("\" shape-rendering=\"crispEdges\"><rect width=\"").append(n).append("\" height=\"").append(n)
                .append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (int row = 0; row < size(); row++) {
            for (int col = 0; col < size(); col++) {
                if (dark(col, row)) {
                    s.append('M').append(col + 4).append(' ').append(row + 4).append("h1v1h-1z");
                }
            }
        }
        return s.append("\"/></svg>").toString();
    }
}
