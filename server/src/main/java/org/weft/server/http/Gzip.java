package org.weft.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.helidon.http.HeaderNames;
import io.helidon.http.WritableHeaders;
import io.helidon.http.encoding.ContentDecoder;
import io.helidon.http.encoding.ContentEncoder;
import io.helidon.http.encoding.ContentEncoding;
import io.helidon.http.encoding.ContentEncodingContext;

/**
 * gzip for every answer whose request says {@code Accept-Encoding: gzip}, through Helidon's own content-encoding
 * support (it picks the encoding from the header and wraps the body). Helidon's gzip module is not served for 4.5.0,
 * so the codec is the JDK's; a page of 20–40 KB goes out at a fifth of that, which matters on a weak phone
 * connection. Requests are not decoded: Weft reads no compressed bodies.
 */
public final class Gzip implements ContentEncoding {
    private static final int BUFFER = 8 * 1024;

    /** The encoding context for the web server: gzip, and nothing found on the class path by itself. */
    public static ContentEncodingContext context() {
        return ContentEncodingContext.builder().contentEncodingsDiscoverServices(false).addContentEncoding(new Gzip())
                .build();
    }

    @Override
    public String name() {
        return "gzip";
    }

    @Override
    public String type() {
        return "gzip";
    }

    @Override
    public Set<String> ids() {
        return Set.of("gzip", "x-gzip");
    }

    @Override
    public boolean supportsEncoding() {
        return true;
    }

    @Override
    public boolean supportsDecoding() {
        return false;
    }

    @Override
    public ContentDecoder decoder() {
        return in -> {
            try {
                return new GZIPInputStream(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public ContentEncoder encoder() {
        return new ContentEncoder() {
            @Override
            public OutputStream apply(OutputStream out) {
                try {
                    return new GZIPOutputStream(out, BUFFER, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void headers(WritableHeaders<?> headers) {
                headers.set(HeaderNames.CONTENT_ENCODING, "gzip");
                headers.remove(HeaderNames.CONTENT_LENGTH);
                headers.add(HeaderNames.VARY, "Accept-Encoding");
            }
        };
    }
}
