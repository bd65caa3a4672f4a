package org.weft.server.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses a community's board hands out besides itself: its Atom feeds, its open data files and its printable
 * page. The board page links to them and the feeds name themselves with them, so both build them here.
 */
public final class BoardLinks {
    private BoardLinks() {
    }

    /**
     * A feed's path: {@code /board/camp/feed.atom}, then {@code ?purpose=…&category=…&area=…&lang=…} for each part
     * given (null or empty parts are left out).
     */
    public static String feed(String community, String purpose, String category, String area, String lang) {
        return withQuery("/board/" + community + "/feed.atom", purpose, category, area, lang);
    }

    /** An open data file's path; {@code file} is {@code proposals.csv}, {@code proposals.hxl.csv} or {@code proposals.json}. */
    public static String data(String community, String file, String lang) {
        return withQuery("/board/" + community + "/" + file, null, null, null, lang);
    }

    /** The printable board's path. */
    public static String print(String community, String lang) {
        return withQuery("/board/" + community + "/print", null, null, null, lang);
    }

    private static String withQuery(String path, String purpose, String category, String area, String lang) {
        List<String> query = new ArrayList<>();
        add(query, "purpose", purpose);
        add(query, "category", category);
        add(query, "area", area);
        add(query, "lang", lang);
        return path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    private static void add(List<String> query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
