package org.weft.server.ui;

import io.nayuki.qrcodegen.QrCode;

/**
 * A link as a QR code in inline SVG, so a volunteer can show an invite on a phone and the other person scans it: no
 * image file, no script, crisp at any size. The code itself comes from Nayuki's QR Code generator; this only draws
 * its dark modules, one path segment per horizontal run, inside the quiet zone of four modules the standard asks for.
 */
final class QrCodes {
    private static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /** The SVG element for {@code text}, labelled {@code label} for screen readers (both are escaped). */
    static String svg(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < qr.size && qr.getModule(x, y)) {
                    x++;
                }
                path.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + size + " " + size
                + "\" role=\"img\" aria-label=\"" + escape(label) + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
