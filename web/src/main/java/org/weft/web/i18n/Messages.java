package org.weft.web.i18n;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;

/**
 * Weft's strings in one language. Bundles are UTF-8 properties files ({@code i18n/messages_xx}); English
 * is the fallback. A pattern with {@code , plural,} is formatted by ICU with the language's CLDR plural rules; the
 * others by {@code java.text.MessageFormat}. Right-to-left languages are listed here so templates can set {@code dir}.
 */
public final class Messages {
    /** The languages every string must exist in (a test checks it). */
    public static final List<String> LANGUAGES = List.of("en", "ar", "fr", "es", "uk", "fa");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa");
    /** Marks a pattern written in ICU's plural syntax: {@code {0, plural, one {# follower} other {# followers}}}. */
    private static final String PLURAL = ", plural,";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    /** Messages for a language tag; unknown languages get English. */
    public static Messages forLanguage(String languageTag) {
        String lang = supported(languageTag);
        Locale locale = Locale.forLanguageTag(lang);
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(locale, bundle);
    }

    /** The supported language a tag stands for ({@code ar-SY} → {@code ar}), or {@code en}. */
    public static String supported(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return "en";
        }
        String lang = Locale.forLanguageTag(languageTag.strip().replace('_', '-')).getLanguage();
        return LANGUAGES.contains(lang) ? lang : "en";
    }

    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        if (arguments.length == 0) {
            return pattern;
        }
        if (pattern.contains(PLURAL)) {
            // CLDR plural forms (one, few, many…) need ICU: java.text's choice format cannot say Arabic or Ukrainian.
            return new com.ibm.icu.text.MessageFormat(pattern, ULocale.forLocale(formatLocale())).format(arguments);
        }
        return new MessageFormat(pattern, formatLocale()).format(arguments);
    }

    /**
     * Text from elsewhere (a person's words, a name, an address) to put inside a sentence of the reader's language,
     * wrapped in Unicode's first-strong isolate and pop (U+2068, U+2069): plain text's {@code <bdi>}. An English
     * title inside an Arabic sentence then keeps its own direction, and the sentence around it keeps its own.
     */
    public static String isolate(String text) {
        return text == null || text.isEmpty() ? "" : "\u2068" + text + "\u2069";
    }

    /**
     * Machine text (a server's name, an address, a handle) to put inside a sentence of the reader's language, wrapped in
     * Unicode's left-to-right isolate and pop (U+2066, U+2069). Not {@link #isolate}: {@code [::1]:8443} holds no
     * letter to take a direction from, and inside an Arabic sentence the first-strong isolate laid it out right to left
     * ({@code 8443:[1::]}).
     */
    public static String isolateLeftToRight(String text) {
        return text == null || text.isEmpty() ? "" : "\u2066" + text + "\u2069";
    }

    /** The locale numbers and dates are written in: Arabic uses Arabic-Indic digits, as in the Levant and Iraq. */
    public Locale formatLocale() {
        return "ar".equals(locale.getLanguage()) ? Locale.forLanguageTag("ar-u-nu-arab") : locale;
    }

    /** A count written for this language (digits and grouping). */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(formatLocale()).format(value);
    }

    /** A share of a whole, given in hundredths, written for this language: 45 is "45%", and "٪٤٥" in Arabic. */
    public String percent(int hundredths) {
        return NumberFormat.getPercentInstance(formatLocale()).format(hundredths / 100.0);
    }

    /**
     * Items joined as this language joins a list ("Baby food and nappies", "طعام وحفاضات", "A, B et C"), by ICU's list
     * patterns from CLDR: a comma and a space joined Arabic and Persian labels with a Latin comma.
     */
    public String list(List<String> items) {
        return ListFormatter.getInstance(ULocale.forLocale(locale), ListFormatter.Type.AND, ListFormatter.Width.WIDE)
                .format(items);
    }

    /**
     * An area's full name from its names, outermost first ("Camp A, Block 3", "المخيم أ، البلوك 3"): each step joined
     * by this language's comma from the message files.
     */
    public String place(List<String> path) {
        return path.stream().reduce((outer, inner) -> get("area.within", outer, inner)).orElse("");
    }

    /** A day written for this language, with its own digits. */
    public String date(Instant instant) {
        Locale l = formatLocale();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l).withDecimalStyle(DecimalStyle.of(l))
                .format(instant.atZone(ZoneOffset.UTC));
    }

    /**
     * A day and its time written for this language, with its own digits, in UTC and saying so ("Dec 7, 2026, 12:05 PM
     * UTC"): the server knows no reader's time zone, and the same moment must read the same to everyone.
     */
    public String dateTime(Instant instant) {
        Locale l = formatLocale();
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(l).withDecimalStyle(DecimalStyle.of(l))
                .format(instant.atZone(ZoneOffset.UTC));
        return get("time.dateTimeUtc", date(instant), time);
    }

    /** "rtl" or "ltr", for the {@code dir} attribute. */
    public String dir() {
        return isRightToLeft() ? "rtl" : "ltr";
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    public boolean isRightToLeft() {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    /** Every key of this language's own file (without fallback), for the completeness test. */
    public Set<String> ownKeys() {
        return bundle.keySet();
    }
}
