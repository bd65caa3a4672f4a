package org.weft.server.model;

import java.util.Optional;

/** What an actor is, in Weft's terms; each maps to one ActivityStreams actor type. */
public enum ActorKind {
    PERSON("Person"),
    GROUP("Group"),
    APPLICATION("Application"),
    SERVICE("Service"),
    ORGANIZATION("Organization");

    private final String wireType;

    ActorKind(String wireType) {
        this.wireType = wireType;
    }

    public String wireType() {
        return wireType;
    }

    /** The kind for an ActivityStreams type, or empty for types that are not actors. */
    public static Optional<ActorKind> fromWireType(String type) {
        for (ActorKind kind : values()) {
            if (kind.wireType.equals(type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
