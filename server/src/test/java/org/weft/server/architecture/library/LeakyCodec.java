package org.weft.server.architecture.library;

import org.weft.server.architecture.house.model.Kind;

/** Bad: the library uses a type of the application that uses it. */
public final class LeakyCodec {
    private LeakyCodec() {
    }

    public static String encode(Kind kind) {
        return Codec.encode(kind.name());
    }
}
