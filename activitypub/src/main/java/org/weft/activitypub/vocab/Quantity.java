package org.weft.activitypub.vocab;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OM2 measure as FEP-0837 writes it: {@code {"hasUnit": "one", "hasNumericalValue": "10"}}, the number sent as
 * a string so that no JSON parser rounds it.
 *
 * <p>A quantity in mutual aid is a count of bread bundles or hours of childcare, so values are bounded: finite,
 * not negative, at most {@link #MAX_VALUE}, and with at most {@link #MAX_DECIMALS} decimal places. Anything else is a
 * mistake or an attack on whoever sums quantities.
 *
 * @param unit  the OM2 unit name ({@code one}, {@code hour}, {@code kilogram}) or a unit IRI
 * @param value the number
 */
public record Quantity(String unit, BigDecimal value) {

    /** The largest value accepted. */
    public static final BigDecimal MAX_VALUE = BigDecimal.valueOf(1_000_000);
    /** The most decimal places accepted. */
    public static final int MAX_DECIMALS = 6;
    /** The unit of a plain count. */
    public static final String ONE = "one";

    // A unit is a name or an IRI: no spaces or markup, and short.
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9_:/#.%~+-]{1,200}");
    private static final int MAX_TEXT = 40;

    /** Checks the bounds and gives negative-scale values (from {@code 1E+2}) a plain scale. */
    public Quantity {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
        if (!UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("unit \"" + abbreviate(unit) + "\" is not a unit name or IRI");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("quantity " + value.toPlainString() + " is negative");
        }
        if (value.compareTo(MAX_VALUE) > 0) {
            throw new IllegalArgumentException("quantity " + value + " is over the limit of " + MAX_VALUE);
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException("quantity " + abbreviate(value.toString()) + " has more than "
                    + MAX_DECIMALS + " decimal places");
        }
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    /**
     * A quantity from its parts.
     *
     * @param unit  the unit
     * @param value the number as text, e.g. {@code "10"} or {@code "0.5"}
     * @return the quantity
     * @throws IllegalArgumentException if the number does not parse or is out of bounds
     */
    public static Quantity of(String unit, String value) {
        return new Quantity(unit, parse(value));
    }

    /**
     * A count of things, unit {@code one}.
     *
     * @param count how many
     * @return the quantity
     */
    public static Quantity count(long count) {
        return new Quantity(ONE, BigDecimal.valueOf(count));
    }

    /**
     * Writes {@code {hasUnit, hasNumericalValue}} with the number as a plain string.
     *
     * @return a fresh object
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.put("hasUnit", unit);
        node.put("hasNumericalValue", value.toPlainString());
        return node;
    }

    /**
     * Reads a measure whose number is a string or a JSON number and whose unit may be missing (then {@code one}).
     *
     * @param node the measure object
     * @return the quantity
     * @throws IllegalArgumentException if it is not an object with a usable, bounded number
     */
    public static Quantity fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a quantity must be an object with hasUnit and hasNumericalValue");
        }
        String unit = JsonValues.idOf(node.get("hasUnit"));
        JsonNode number = node.get("hasNumericalValue");
        BigDecimal value;
        if (number != null && number.isNumber()) {
            if (number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue())) {
                // Jackson turns 1e400 into Infinity; that is no quantity.
                throw new IllegalArgumentException("quantity " + number + " is not a finite number");
            }
            value = number.decimalValue();
        } else if (number != null && number.isTextual()) {
            value = parse(number.asText());
        } else {
            throw new IllegalArgumentException("quantity has no hasNumericalValue");
        }
        return new Quantity(unit == null ? ONE : unit, value);
    }

    private static BigDecimal parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        // Length first: BigDecimal happily parses a megabyte of digits.
        if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT) {
            throw new IllegalArgumentException("quantity \"" + abbreviate(trimmed) + "\" is not a number");
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quantity \"" + trimmed + "\" is not a finite decimal number");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
