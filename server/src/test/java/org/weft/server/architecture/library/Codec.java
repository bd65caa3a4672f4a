package org.weft.server.architecture.library;

/** A library class that knows nothing of its users. */
public final class Codec {
    private Codec() {
    }

    public static String encode(String value) {
        return value.strip();
    }
}
