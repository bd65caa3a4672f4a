package org.weft.server.ui;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, for page tests: keeps cookies, posts forms, reads the CSRF token off a page. Headers
 * given with {@link #header} go with every request (an {@code Origin}, a proxy's {@code X-Forwarded-For}).
 */
public final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private final String base;
    private final HttpClient http;
    private String acceptLanguage = "en";
    /** A plain cookie jar (name → value): java.net.CookieManager ignores cookies of dotless hosts such as localhost. */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public PageClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public PageClient language(String value) {
        acceptLanguage = value;
        return this;
    }

    /** Sends this header with every later request; a null value stops sending it. */
    public PageClient header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** The value of a cookie this browser holds, or null. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Accept-Language", acceptLanguage).GET().build());
    }

    /** Posts a form as it is (no token added): for tests of what happens without one. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", acceptLanguage).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form whose fields may repeat (several check boxes, several inputs of one name), in the order given. */
    public HttpResponse<String> postFields(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", acceptLanguage).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Loads {@code formPage} to get this visitor's token, then posts the form with it, as a browser would. */
    public HttpResponse<String> submit(String formPage, String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("csrf", csrf(get(formPage).body()));
        return post(path, withToken);
    }

    public void login(String username, String password) {
        HttpResponse<String> res = submit("/login", "/login", Map.of("username", username, "password", password));
        if (res.statusCode() != 303) {
            throw new AssertionError("login failed: " + res.statusCode());
        }
    }

    /**
     * The hidden fields of the form whose {@code action} is {@code action} on {@code html} (its CSRF and one-time
     * tokens), to send that exact form, twice if a test wants to.
     */
    public static Map<String, String> hiddenFields(String html, String action) {
        Matcher start = Pattern.compile("action=\"(https?://[^/\"]+)?" + Pattern.quote(action) + "\"").matcher(html);
        if (!start.find()) {
            throw new AssertionError("no form posting to " + action + " on the page: " + html);
        }
        int form = start.start();
        String rest = html.substring(form, html.indexOf("</form>", form));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(rest);
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        return fields;
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page: " + html);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        headers.forEach(withCookies::header);
        if (!cookies.isEmpty()) {
            withCookies.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (set.contains("Max-Age=0")) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
