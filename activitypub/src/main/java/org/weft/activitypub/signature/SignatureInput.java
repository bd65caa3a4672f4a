package org.weft.activitypub.signature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.IntegerItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.StringItem;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * One labelled member of a received {@code Signature-Input} field (RFC 9421 §4.1): the covered
 * components in order and the signature parameters.
 *
 * <p>Covered components are plain names: HTTP field names in lower case or derived components
 * ({@code @method}…). Component parameters ({@code ;sf}, {@code ;key}, {@code ;bs}, {@code ;req},
 * {@code ;tr}, {@code @query-param;name}) are refused as unsupported; no fediverse server sends them.
 *
 * @param label the member's key, e.g. {@code sig1}
 * @param components the covered component names, in signing order
 * @param signatureParams the {@code @signature-params} value: the member serialised strictly (§2.3)
 * @param created the {@code created} parameter, if any
 * @param expires the {@code expires} parameter, if any
 * @param keyId the {@code keyid} parameter, if any
 * @param alg the {@code alg} parameter, if any
 */
record SignatureInput(String label, List<String> components, String signatureParams, Optional<Instant> created,
                      Optional<Instant> expires, Optional<String> keyId, Optional<String> alg) {

    /** The derived components Weft can compute for a request. */
    static final Set<String> DERIVED = Set.of("@method", "@target-uri", "@authority", "@scheme", "@request-target",
            "@path", "@query");

    /**
     * @param label the member's key
     * @param member the member's value
     * @return the parsed entry
     * @throws SignatureException {@link Reason#MALFORMED} if it is not an Inner List of distinct, supported
     *         component names, or a known parameter has the wrong type
     */
    static SignatureInput parse(String label, ListElement<?> member) throws SignatureException {
        if (!(member instanceof InnerList inner)) {
            throw malformed(label, "is not an inner list");
        }
        List<String> components = new ArrayList<>(inner.get().size());
        Set<String> seen = new HashSet<>();
        for (Item<?> item : inner.get()) {
            if (!(item instanceof StringItem name)) {
                throw malformed(label, "covers a component that is not a string: " + item.serialize());
            }
            if (!item.getParams().isEmpty()) {
                throw malformed(label, "uses component parameters, which Weft does not support: " + item.serialize());
            }
            components.add(checkedName(label, name.get()));
            if (!seen.add(name.get())) {
                throw malformed(label, "covers " + name.get() + " twice");
            }
        }
        Parameters parameters = inner.getParams();
        return new SignatureInput(label, List.copyOf(components), inner.serialize(), time(label, parameters, "created"),
                time(label, parameters, "expires"), text(label, parameters, "keyid"), text(label, parameters, "alg"));
    }

    /** @return true if the signature covers this component */
    boolean covers(String component) {
        return components.contains(component);
    }

    private static String checkedName(String label, String name) throws SignatureException {
        if (name.equals("@signature-params")) {
            throw malformed(label, "lists @signature-params among its components");
        }
        if (name.startsWith("@")) {
            if (!DERIVED.contains(name)) {
                throw malformed(label, "covers " + name + ", a derived component Weft does not compute for requests");
            }
            return name;
        }
        if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw malformed(label, "covers the field \"" + name + "\": field names must be lower case (RFC 9421 §2.1)");
        }
        return name;
    }

    private static Optional<Instant> time(String label, Parameters parameters, String name) throws SignatureException {
        Item<?> value = parameters.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof IntegerItem seconds)) {
            throw malformed(label, name + " is not an integer");
        }
        return Optional.of(Instant.ofEpochSecond(seconds.get()));
    }

    private static Optional<String> text(String label, Parameters parameters, String name) throws SignatureException {
        Item<?> value = parameters.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof StringItem string)) {
            throw malformed(label, name + " is not a string");
        }
        return Optional.of(string.get());
    }

    private static SignatureException malformed(String label, String problem) {
        return new SignatureException(Reason.MALFORMED, "Signature-Input " + label + " " + problem);
    }
}
