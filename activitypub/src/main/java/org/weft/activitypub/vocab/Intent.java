package org.weft.activitypub.vocab;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ValueFlows {@code Intent} a proposal {@code publishes} (FEP-0837): what is given or asked for, how much, and
 * whether it is done.
 *
 * <pre>{@code
 * {"type": "Intent", "id": "https://camp-a.example/proposals/7f3c9a#primary", "action": "transfer",
 *  "resourceClassifiedAs": ["https://w3id.org/weft/taxonomy/v1#food"],
 *  "resourceQuantity": {"hasUnit": "one", "hasNumericalValue": "1"},
 *  "availableQuantity": {"hasUnit": "one", "hasNumericalValue": "10"}}
 * }</pre>
 *
 * @param id                   the Intent's id, {@code <proposal id>#primary} for Weft's own proposals
 * @param action               the ValueFlows action: {@code transfer} (given), {@code use} (lent),
 *                             {@code deliverService} or {@code work} (time)
 * @param resourceClassifiedAs category URIs of the shared taxonomy; may be empty for other FEP-0837 software
 * @param resourceQuantity     the unit of one response, or null
 * @param availableQuantity    how much there is in all, or null
 * @param minimumQuantity      the least one response takes, or null
 * @param finished             whether the proposal has been fulfilled
 */
public record Intent(String id, String action, List<String> resourceClassifiedAs, Quantity resourceQuantity,
                     Quantity availableQuantity, Quantity minimumQuantity, boolean finished) {

    /** The most categories one Intent may carry; a real offer has one to three. */
    public static final int MAX_CATEGORIES = 16;
    /** The fragment of a Weft proposal's own Intent. */
    public static final String PRIMARY_FRAGMENT = "#primary";

    // ValueFlows actions are short camelCase words; anything else is not an action.
    private static final Pattern ACTION = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}");

    /** Checks the action and that every category is an absolute URI. */
    public Intent {
        requireAction(action);
        resourceClassifiedAs = resourceClassifiedAs == null ? List.of() : List.copyOf(resourceClassifiedAs);
        if (resourceClassifiedAs.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException("resourceClassifiedAs lists " + resourceClassifiedAs.size()
                    + " categories; at most " + MAX_CATEGORIES + " are accepted");
        }
        resourceClassifiedAs.forEach(uri -> requireAbsoluteUri(uri, "resourceClassifiedAs entry"));
        if (id != null) {
            requireAbsoluteUri(id, "Intent id");
        }
    }

    /**
     * The Intent of a Weft proposal, with id {@code <proposalId>#primary}.
     *
     * @param proposalId           the proposal's id
     * @param action               the ValueFlows action
     * @param resourceClassifiedAs category URIs
     * @param resourceQuantity     the unit of one response, or null
     * @param availableQuantity    how much there is in all, or null
     * @return an unfinished Intent
     */
    public static Intent primary(String proposalId, String action, List<String> resourceClassifiedAs,
                                 Quantity resourceQuantity, Quantity availableQuantity) {
        return new Intent(proposalId + PRIMARY_FRAGMENT, action, resourceClassifiedAs, resourceQuantity,
                availableQuantity, null, false);
    }

    /**
     * A copy with {@code finished} set.
     *
     * @param done whether the Intent is finished
     * @return the copy, or this when nothing changes
     */
    public Intent withFinished(boolean done) {
        return done == finished ? this
                : new Intent(id, action, resourceClassifiedAs, resourceQuantity, availableQuantity, minimumQuantity,
                        done);
    }

    /**
     * Writes the Intent in object-model.md's key order; {@code finished} appears only once it is true.
     *
     * @return a fresh object
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.put("type", "Intent");
        JsonValues.put(node, "id", id);
        node.put("action", action);
        node.set("resourceClassifiedAs", JsonValues.array(resourceClassifiedAs));
        putQuantity(node, "resourceQuantity", resourceQuantity);
        putQuantity(node, "availableQuantity", availableQuantity);
        putQuantity(node, "minimumQuantity", minimumQuantity);
        if (finished) {
            node.put("finished", true);
        }
        return node;
    }

    /**
     * Reads an Intent. {@code resourceClassifiedAs} may be one string or an array, quantities may carry numbers or
     * strings, and {@code finished} may be missing.
     *
     * @param node the {@code publishes} object
     * @return the Intent
     * @throws IllegalArgumentException if the action is missing or a category or quantity is invalid
     */
    public static Intent fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("publishes must be an embedded Intent object");
        }
        String action = JsonValues.idOf(node.get("action"));
        if (action == null) {
            throw new IllegalArgumentException("the Intent has no action");
        }
        JsonNode classified = node.get("resourceClassifiedAs");
        if (classified != null && !classified.isNull() && !classified.isTextual() && !classified.isArray()) {
            throw new IllegalArgumentException("resourceClassifiedAs must be a URI or an array of URIs");
        }
        if (classified != null && classified.isArray()) {
            classified.forEach(entry -> {
                if (!entry.isTextual()) {
                    throw new IllegalArgumentException("resourceClassifiedAs entry " + entry + " is not a URI");
                }
            });
        }
        return new Intent(JsonValues.text(node, "id"), action, JsonValues.ids(classified),
                quantity(node, "resourceQuantity"), quantity(node, "availableQuantity"),
                quantity(node, "minimumQuantity"), JsonValues.bool(node, "finished", false));
    }

    /**
     * Checks that a value is an absolute {@code http}, {@code https} or {@code urn} URI, as JSON-LD {@code @id}
     * values must be. Other schemes ({@code javascript:}, {@code data:}) name nothing a taxonomy would use and could
     * end up in a link.
     *
     * @param value the value
     * @param what  what it is, for the message
     * @throws IllegalArgumentException if it is not
     */
    static void requireAbsoluteUri(String value, String what) {
        if (value == null || value.length() > 2048) {
            throw new IllegalArgumentException(what + " is missing or longer than 2048 characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " \"" + value + "\" is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = "https".equals(scheme) || "http".equals(scheme);
        if (!uri.isAbsolute() || !(web || "urn".equals(scheme)) || (web && uri.getHost() == null)) {
            throw new IllegalArgumentException(what + " \"" + value + "\" is not an absolute http(s) or urn URI");
        }
    }

    /**
     * Checks that a value looks like a ValueFlows action: a short word, no markup.
     *
     * @param action the value
     * @throws IllegalArgumentException if it does not
     */
    static void requireAction(String action) {
        Objects.requireNonNull(action, "action");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action \"" + action + "\" is not a ValueFlows action");
        }
    }

    private static Quantity quantity(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Quantity.fromJson(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static void putQuantity(ObjectNode node, String field, Quantity quantity) {
        if (quantity != null) {
            node.set(field, quantity.toJson());
        }
    }
}
