package org.weft.server.opendata;

import io.helidon.webserver.http.HttpRouting;

/** The open data and feed routes, beside the board they come from. */
public record OpenDataRoutes(OpenDataEndpoint data, FeedEndpoint feeds) {

    public void register(HttpRouting.Builder routing) {
        routing.get("/board/{name}/proposals.csv", data::csv)
                .get("/board/{name}/proposals.hxl.csv", data::hxl)
                .get("/board/{name}/proposals.json", data::json)
                .get("/board/{name}/feed.atom", feeds::atom);
    }
}
