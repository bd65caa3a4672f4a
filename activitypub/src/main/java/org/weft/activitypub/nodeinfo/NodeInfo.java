package org.weft.activitypub.nodeinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.activitypub.jsonld.MalformedActivityException;

/**
 * A NodeInfo document. Build Weft's with {@link #weft(String)}; read a peer's with {@link #fromJson(JsonNode)} (its
 * {@code software.name} tells whether it understands FEP-1b12 groups).
 *
 * @param softwareName      {@code software.name}, matching {@code ^[a-z0-9-]+$}
 * @param softwareVersion   {@code software.version}
 * @param repository        {@code software.repository} (2.1 only), or null
 * @param homepage          {@code software.homepage} (2.1 only), or null
 * @param protocols         e.g. {@code ["activitypub"]}
 * @param openRegistrations whether anyone may sign up
 * @param usage             user and post counts
 * @param metadata          free-form metadata; Weft's holds {@code nodeName}, {@code groups}, {@code taxonomyVersion}
 */
public record NodeInfo(String softwareName, String softwareVersion, String repository, String homepage,
                       List<String> protocols, boolean openRegistrations, Usage usage, ObjectNode metadata) {

    /** Weft's {@code software.name}. */
    public static final String WEFT = "weft";

    private static final Pattern SOFTWARE_NAME = Pattern.compile("[a-z0-9-]+");

    /** Checks the software name and copies the mutable parts. */
    public NodeInfo {
        Objects.requireNonNull(softwareName, "softwareName");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(usage, "usage");
        if (!SOFTWARE_NAME.matcher(softwareName).matches()) {
            throw new IllegalArgumentException("software.name must match ^[a-z0-9-]+$: " + softwareName);
        }
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
    }

    /**
     * User and post counts. Weft counts members as users and proposals as local posts.
     *
     * @param users          all local users
     * @param activeHalfyear users active in the last 180 days
     * @param activeMonth    users active in the last 30 days
     * @param localPosts     posts made on this instance
     */
    public record Usage(long users, long activeHalfyear, long activeMonth, long localPosts) {

        /** Checks no count is negative. */
        public Usage {
            if (users < 0 || activeHalfyear < 0 || activeMonth < 0 || localPosts < 0) {
                throw new IllegalArgumentException("NodeInfo counts cannot be negative");
            }
        }
    }

    /**
     * A community listed in Weft's metadata, so crawlers and peers can find the groups to follow.
     *
     * @param id   the group actor id
     * @param name its display name
     */
    public record Group(String id, String name) {

        /** Checks both parts are there. */
        public Group {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Starts building Weft's own document.
     *
     * @param softwareVersion the running Weft version
     * @return a builder with {@code software.name = weft} and {@code protocols = [activitypub]}
     */
    public static Builder weft(String softwareVersion) {
        return new Builder(softwareVersion);
    }

    /**
     * Writes the document for a schema version. 2.0 leaves out {@code repository} and {@code homepage}, which
     * its schema forbids.
     *
     * @param version the schema version
     * @return the document
     */
    public ObjectNode toJson(NodeInfoVersion version) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("version", version.number());
        ObjectNode software = node.putObject("software");
        software.put("name", softwareName);
        software.put("version", softwareVersion);
        if (version == NodeInfoVersion.V2_1) {
            if (repository != null) {
                software.put("repository", repository);
            }
            if (homepage != null) {
                software.put("homepage", homepage);
            }
        }
        ArrayNode protocolArray = node.putArray("protocols");
        protocols.forEach(protocolArray::add);
        ObjectNode services = node.putObject("services");
        services.putArray("inbound");
        services.putArray("outbound");
        node.put("openRegistrations", openRegistrations);
        ObjectNode usageNode = node.putObject("usage");
        ObjectNode users = usageNode.putObject("users");
        users.put("total", usage.users());
        users.put("activeHalfyear", usage.activeHalfyear());
        users.put("activeMonth", usage.activeMonth());
        usageNode.put("localPosts", usage.localPosts());
        node.set("metadata", metadata.deepCopy());
        return node;
    }

    /**
     * Reads a NodeInfo 2.0 or 2.1 document; missing counts read as 0.
     *
     * @param node the parsed document
     * @return the document
     * @throws MalformedActivityException if {@code software.name} or {@code software.version} is missing
     */
    public static NodeInfo fromJson(JsonNode node) {
        JsonNode software = node == null ? null : node.get("software");
        if (software == null || !software.path("name").isTextual() || !software.path("version").isTextual()) {
            throw new MalformedActivityException(MalformedActivityException.Reason.INVALID_SHAPE,
                    "NodeInfo has no software name and version");
        }
        List<String> protocols = new ArrayList<>();
        node.path("protocols").forEach(p -> protocols.add(p.asText()));
        JsonNode usage = node.path("usage");
        JsonNode users = usage.path("users");
        JsonNode metadata = node.get("metadata");
        return new NodeInfo(software.get("name").asText(), software.get("version").asText(),
                software.path("repository").isTextual() ? software.get("repository").asText() : null,
                software.path("homepage").isTextual() ? software.get("homepage").asText() : null,
                protocols, node.path("openRegistrations").asBoolean(false),
                new Usage(users.path("total").asLong(0), users.path("activeHalfyear").asLong(0),
                        users.path("activeMonth").asLong(0), usage.path("localPosts").asLong(0)),
                metadata != null && metadata.isObject() ? (ObjectNode) metadata : null);
    }

    /** Builds Weft's NodeInfo; the metadata gets {@code nodeName}, {@code groups} and {@code taxonomyVersion}. */
    public static final class Builder {
        private final String softwareVersion;
        private String repository;
        private String homepage;
        private boolean openRegistrations;
        private Usage usage = new Usage(0, 0, 0, 0);
        private String nodeName;
        private final List<Group> groups = new ArrayList<>();
        private String taxonomyVersion;

        private Builder(String softwareVersion) {
            this.softwareVersion = Objects.requireNonNull(softwareVersion, "softwareVersion");
        }

        /** @param value the source repository URL (2.1) @return this */
        public Builder repository(String value) {
            repository = value;
            return this;
        }

        /** @param value the project homepage URL (2.1) @return this */
        public Builder homepage(String value) {
            homepage = value;
            return this;
        }

        /** @param value whether sign-up is open @return this */
        public Builder openRegistrations(boolean value) {
            openRegistrations = value;
            return this;
        }

        /** @param value the counts @return this */
        public Builder usage(Usage value) {
            usage = Objects.requireNonNull(value, "usage");
            return this;
        }

        /** @param value the instance's display name @return this */
        public Builder nodeName(String value) {
            nodeName = value;
            return this;
        }

        /** @param value a community hosted here @return this */
        public Builder group(Group value) {
            groups.add(Objects.requireNonNull(value, "group"));
            return this;
        }

        /** @param value the shared taxonomy version, e.g. {@code v1} @return this */
        public Builder taxonomyVersion(String value) {
            taxonomyVersion = value;
            return this;
        }

        /**
         * Builds the document.
         *
         * @return the NodeInfo
         */
        public NodeInfo build() {
            ObjectNode metadata = JsonNodeFactory.instance.objectNode();
            if (nodeName != null) {
                metadata.put("nodeName", nodeName);
            }
            ArrayNode groupArray = metadata.putArray("groups");
            groups.forEach(g -> groupArray.addObject().put("id", g.id()).put("name", g.name()));
            if (taxonomyVersion != null) {
                metadata.put("taxonomyVersion", taxonomyVersion);
            }
            return new NodeInfo(WEFT, softwareVersion, repository, homepage, List.of("activitypub"),
                    openRegistrations, usage, metadata);
        }
    }
}
