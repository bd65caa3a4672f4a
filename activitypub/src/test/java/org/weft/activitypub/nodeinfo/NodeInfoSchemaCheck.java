package org.weft.activitypub.nodeinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The required fields and value rules of the NodeInfo 2.0 and 2.1 JSON schemas, written out by hand so the tests
 * need no schema library and no network. Returns the violations; an empty list means valid.
 */
final class NodeInfoSchemaCheck {

    private static final Set<String> PROTOCOLS = Set.of("activitypub", "buddycloud", "dfrn", "diaspora", "libertree",
            "ostatus", "pumpio", "tent", "xmpp", "zot");
    private static final Set<String> INBOUND = Set.of("atom1.0", "gnusocial", "imap", "pnut", "pop3", "pumpio",
            "rss2.0", "twitter");
    private static final Set<String> OUTBOUND = Set.of("atom1.0", "blogger", "buddycloud", "diaspora", "dreamwidth",
            "drupal", "facebook", "friendica", "gnusocial", "google", "insanejournal", "libertree", "linkedin",
            "livejournal", "mediagoblin", "myspace", "pinterest", "pnut", "posterous", "pumpio", "redmatrix",
            "rss2.0", "smtp", "tent", "tumblr", "twitter", "wordpress", "xmpp");
    private static final Set<String> TOP_LEVEL = Set.of("version", "software", "protocols", "services",
            "openRegistrations", "usage", "metadata");

    private NodeInfoSchemaCheck() {
    }

    static List<String> violations(JsonNode doc, String version) {
        List<String> errors = new ArrayList<>();
        for (String field : TOP_LEVEL) {
            if (!doc.has(field)) {
                errors.add("missing " + field);
            }
        }
        doc.fieldNames().forEachRemaining(f -> {
            if (!TOP_LEVEL.contains(f)) {
                errors.add("unexpected top-level field " + f);
            }
        });
        if (!version.equals(doc.path("version").asText())) {
            errors.add("version must be " + version);
        }
        JsonNode software = doc.path("software");
        if (!software.path("name").isTextual() || !software.path("name").asText().matches("^[a-z0-9-]+$")) {
            errors.add("software.name must match ^[a-z0-9-]+$");
        }
        if (!software.path("version").isTextual()) {
            errors.add("software.version must be a string");
        }
        Set<String> softwareFields = "2.0".equals(version) ? Set.of("name", "version")
                : Set.of("name", "version", "repository", "homepage");
        software.fieldNames().forEachRemaining(f -> {
            if (!softwareFields.contains(f)) {
                errors.add("software." + f + " is not allowed in " + version);
            }
        });
        JsonNode protocols = doc.path("protocols");
        if (!protocols.isArray() || protocols.isEmpty()) {
            errors.add("protocols must be a non-empty array");
        }
        protocols.forEach(p -> {
            if (!PROTOCOLS.contains(p.asText())) {
                errors.add("unknown protocol " + p);
            }
        });
        checkServices(doc.path("services"), "inbound", INBOUND, errors);
        checkServices(doc.path("services"), "outbound", OUTBOUND, errors);
        if (!doc.path("openRegistrations").isBoolean()) {
            errors.add("openRegistrations must be a boolean");
        }
        JsonNode usage = doc.path("usage");
        if (!usage.path("users").isObject()) {
            errors.add("usage.users must be an object");
        }
        for (String count : List.of("total", "activeHalfyear", "activeMonth")) {
            JsonNode value = usage.path("users").get(count);
            if (value != null && (!value.isIntegralNumber() || value.asLong() < 0)) {
                errors.add("usage.users." + count + " must be a non-negative integer");
            }
        }
        for (String count : List.of("localPosts", "localComments")) {
            JsonNode value = usage.get(count);
            if (value != null && (!value.isIntegralNumber() || value.asLong() < 0)) {
                errors.add("usage." + count + " must be a non-negative integer");
            }
        }
        if (!doc.path("metadata").isObject()) {
            errors.add("metadata must be an object");
        }
        return errors;
    }

    private static void checkServices(JsonNode services, String direction, Set<String> allowed, List<String> errors) {
        JsonNode list = services.get(direction);
        if (list == null || !list.isArray()) {
            errors.add("services." + direction + " must be an array");
            return;
        }
        list.forEach(s -> {
            if (!allowed.contains(s.asText())) {
                errors.add("unknown " + direction + " service " + s);
            }
        });
    }
}
