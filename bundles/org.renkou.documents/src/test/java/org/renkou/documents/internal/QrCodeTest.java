package org.renkou.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The QR code on a printed certificate reads back as the check page's address (ZXing's own reader). */
class QrCodeTest {
    private static final String URL = "http://127.0.0.1:8080/ui/check.html#K7M2QX9P";

    @Test
    void theCodeReadsBackAsTheCheckAddress() throws Exception {
        QrCode qr = QrCode.of(URL);
        int scale = 4;
        int quiet = 4;
        int side = (qr.size() + 2 * quiet) * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / scale - quiet;
                int my = y / scale - quiet;
                boolean dark = mx >= 0 && my >= 0 && mx < qr.size() && my < qr.size() && qr.dark(mx, my);
                pixels[y * side + x] = dark ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        assertEquals(URL, new QRCodeReader().decode(bitmap).getText());
    }

    @Test
    void theSvgHasAQuietZoneAndOnePathOfModules() {
        String svg = QrCode.of(URL).svg(24);
        assertTrue(svg.startsWith("<svg") && svg.contains("width=\"24mm\"") && svg.endsWith("</svg>"), svg);
        assertEquals(1, svg.split("<path").length - 1);
    }
}
