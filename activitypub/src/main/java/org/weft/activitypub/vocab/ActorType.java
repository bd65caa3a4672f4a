package org.weft.activitypub.vocab;

import java.util.Optional;

/** The five ActivityStreams actor types Mastodon accepts. */
public enum ActorType {
    /** A member. */
    PERSON("Person"),
    /** A community board; Mastodon shows a group badge. */
    GROUP("Group"),
    /** The instance actor; Mastodon shows a bot badge. */
    APPLICATION("Application"),
    /** An automated account; Mastodon shows a bot badge. */
    SERVICE("Service"),
    /** An organisation. */
    ORGANIZATION("Organization");

    private final String wireName;

    ActorType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used in {@code type}.
     *
     * @return e.g. {@code Person}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks up a wire name.
     *
     * @param name a {@code type} value
     * @return the actor type, or empty when the name is not an actor type
     */
    public static Optional<ActorType> fromWire(String name) {
        for (ActorType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
