package org.weft.activitypub.webfinger;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.weft.activitypub.webfinger.WebFingerResource.Acct;
import org.weft.activitypub.webfinger.WebFingerResource.Url;

/** The rules behind {@link WebFingerResource#parse(String)}. */
final class ResourceParser {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.~+-]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?");

    private ResourceParser() {
    }

    static WebFingerResource parse(String resource) {
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("resource is missing");
        }
        if (resource.length() > WebFingerResource.MAX_LENGTH) {
            throw new IllegalArgumentException("resource is longer than " + WebFingerResource.MAX_LENGTH + " characters");
        }
        String value = resource.trim();
        if (!isHttpUrl(value) && value.indexOf('%') >= 0) {
            value = percentDecode(value);
        }
        if (value.regionMatches(true, 0, "acct:", 0, 5)) {
            return account(value.substring(5), resource);
        }
        if (isHttpUrl(value)) {
            return url(value, resource);
        }
        if (value.contains(":") && !value.contains("@")) {
            throw new IllegalArgumentException("unsupported resource scheme: " + resource);
        }
        return account(value, resource);
    }

    private static boolean isHttpUrl(String value) {
        return value.regionMatches(true, 0, "https://", 0, 8) || value.regionMatches(true, 0, "http://", 0, 7);
    }

    private static String percentDecode(String value) {
        try {
            // '+' is a literal plus in a URI; URLDecoder would turn it into a space.
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resource has a broken percent-encoding: " + value, e);
        }
    }

    private static Acct account(String value, String original) {
        String address = value.startsWith("@") ? value.substring(1) : value;
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1) {
            throw new IllegalArgumentException(
                    "resource must be acct:user@host, user@host or an https:// URL, got: " + original);
        }
        String user = address.substring(0, at);
        String host = address.substring(at + 1);
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("resource has an invalid user part: " + original);
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("resource has an invalid host: " + original);
        }
        return new Acct(user, host.toLowerCase(Locale.ROOT));
    }

    private static Url url(String value, String original) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("resource URL has no usable host: " + original);
            }
            return new Url(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("resource is not a valid URL: " + original, e);
        }
    }
}
