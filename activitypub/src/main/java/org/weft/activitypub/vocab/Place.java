package org.weft.activitypub.vocab;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a proposal applies: an ActivityStreams {@code Place} with a {@code name}, a Weft {@code areaCode} (an
 * instance-defined hierarchy such as {@code camp-a/block-3}) and, only when the author allows it, coarse
 * coordinates with a {@code radius}. Exact addresses never go on the wire (object-model.md, "Location privacy");
 * snapping coordinates to the grid is the caller's job, this type only checks they are on Earth.
 *
 * @param name      the place as people call it, or null
 * @param areaCode  the area code, or null
 * @param latitude  degrees north, or null (then {@code longitude} is null too)
 * @param longitude degrees east, or null
 * @param radius    how far around the point, in {@code units}, or null
 * @param units     {@code cm}, {@code feet}, {@code inches}, {@code km}, {@code m} or {@code miles}; null means metres
 */
public record Place(String name, String areaCode, Double latitude, Double longitude, Double radius, String units) {

    /** The unit lengths AS2 defines for {@code radius}, in metres. */
    private static final Map<String, Double> METRES = Map.of("cm", 0.01, "feet", 0.3048, "inches", 0.0254,
            "km", 1000.0, "m", 1.0, "miles", 1609.344);
    /** Half the Earth's circumference: no radius needs to be larger. */
    private static final double MAX_RADIUS_METRES = 20_037_508;
    private static final int MAX_TEXT = 500;

    /** Checks that coordinates come in pairs and within range, and that the radius is a sane length. */
    public Place {
        checkText(name, "place name");
        checkText(areaCode, "area code");
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("a place needs both latitude and longitude, or neither");
        }
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude " + latitude + " is not between -90 and 90");
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude " + longitude + " is not between -180 and 180");
        }
        if (units != null) {
            units = units.toLowerCase(Locale.ROOT);
            if (!METRES.containsKey(units)) {
                throw new IllegalArgumentException("units \"" + units + "\" is not one of " + METRES.keySet());
            }
        }
        if (radius != null && !(radius >= 0 && radius * METRES.get(units == null ? "m" : units) <= MAX_RADIUS_METRES)) {
            throw new IllegalArgumentException("radius " + radius + " is not a length on Earth");
        }
    }

    /**
     * A place by name and area only, the default that reveals no coordinates.
     *
     * @param name     the place's name
     * @param areaCode the area code
     * @return the place
     */
    public static Place area(String name, String areaCode) {
        return new Place(name, areaCode, null, null, null, null);
    }

    /**
     * Writes {@code {type: Place, name, areaCode, latitude, longitude, radius, units}}, leaving out what is null.
     *
     * @return a fresh object
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.put("type", "Place");
        JsonValues.put(node, "name", name);
        JsonValues.put(node, "areaCode", areaCode);
        putNumber(node, "latitude", latitude);
        putNumber(node, "longitude", longitude);
        putNumber(node, "radius", radius);
        JsonValues.put(node, "units", units);
        return node;
    }

    /**
     * Reads a place; numbers may be JSON numbers or strings.
     *
     * @param node a {@code Place} object
     * @return the place
     * @throws IllegalArgumentException if it is not an object or a value is out of range
     */
    public static Place fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("location must be a Place object");
        }
        return new Place(JsonValues.text(node, "name"), JsonValues.text(node, "areaCode"),
                number(node, "latitude"), number(node, "longitude"), number(node, "radius"),
                JsonValues.text(node, "units"));
    }

    private static void checkText(String value, String what) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT + " characters");
        }
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual() && value.asText().length() <= 40) {
            try {
                return Double.valueOf(value.asText().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(field + " " + value + " is not a number");
    }

    /** Whole numbers go out without ".0", as in object-model.md's {@code "radius": 1}. */
    private static void putNumber(ObjectNode node, String field, Double value) {
        if (value == null) {
            return;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(field, value.longValue());
        } else {
            node.put(field, value);
        }
    }
}
