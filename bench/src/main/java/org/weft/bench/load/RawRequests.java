package org.weft.bench.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds the exact bytes of HTTP/1.1 requests once, before a run, so the generator does no formatting
 * while it measures.
 */
public final class RawRequests {
    private RawRequests() {
    }

    public static byte[] get(String hostHeader, String pathAndQuery, String accept) {
        String head = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: " + accept
                + "\r\nUser-Agent: weft-bench\r\n\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }

    /** A POST with the given headers (in order) and a Content-Length matching {@code body}. */
    public static byte[] post(String pathAndQuery, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder("POST ").append(pathAndQuery).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("User-Agent: weft-bench\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
