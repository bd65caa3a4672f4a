package org.weft.activitypub.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.StringItem;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * The {@code Accept-Signature} field (RFC 9421 §5): a server saying how it wants the next request
 * signed, typically in a 401. Weft reads it when it knocks ({@link #parse}) and sends its own in 401
 * answers ({@link #forRequest}).
 */
public final class AcceptSignature {

    private AcceptSignature() {
    }

    /**
     * What Weft asks of a sender whose request it refused: the components {@link Rfc9421Verifier} requires,
     * with {@code created}. No {@code keyid} (any key of the actor will do) and no {@code alg} (the key decides).
     *
     * @param method the refused request's method
     * @return e.g. {@code sig1=("@method" "@target-uri" "content-digest");created} for a POST
     */
    public static String forRequest(String method) {
        SignatureRequest shape = method.equalsIgnoreCase("POST") ? SignatureRequest.POST : SignatureRequest.GET;
        List<Item<?>> components = new ArrayList<>();
        shape.components().forEach(name -> components.add(StringItem.valueOf(name)));
        Map<String, Object> created = Map.of("created", Boolean.TRUE);
        Map<String, ListElement<?>> member = Map.of(shape.label(),
                InnerList.valueOf(components).withParams(Parameters.valueOf(created)));
        return Dictionary.valueOf(member).serialize();
    }

    /**
     * @param fieldLines every line of a received {@code Accept-Signature} field
     * @return one shape per member, in order
     * @throws SignatureException {@link Reason#MALFORMED} if the field is not a Dictionary of Inner Lists of
     *         plain component names, or a parameter has the wrong type
     */
    public static List<SignatureRequest> parse(List<String> fieldLines) throws SignatureException {
        Dictionary field = StructuredFields.dictionary("Accept-Signature", fieldLines);
        List<SignatureRequest> shapes = new ArrayList<>();
        for (Map.Entry<String, ListElement<?>> member : field.get().entrySet()) {
            shapes.add(shape(member.getKey(), member.getValue()));
        }
        return shapes;
    }

    private static SignatureRequest shape(String label, ListElement<?> value) throws SignatureException {
        if (!(value instanceof InnerList inner)) {
            throw malformed(label, "is not an inner list");
        }
        List<String> components = new ArrayList<>();
        for (Item<?> item : inner.get()) {
            if (!(item instanceof StringItem name) || !item.getParams().isEmpty()) {
                throw malformed(label, "asks for a component Weft cannot name: " + item.serialize());
            }
            components.add(name.get());
        }
        Parameters parameters = inner.getParams();
        return new SignatureRequest(label, components, parameters.containsKey("expires"),
                text(label, parameters, "nonce"), text(label, parameters, "tag"), text(label, parameters, "alg"),
                text(label, parameters, "keyid"));
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
        return new SignatureException(Reason.MALFORMED, "Accept-Signature " + label + " " + problem);
    }
}
