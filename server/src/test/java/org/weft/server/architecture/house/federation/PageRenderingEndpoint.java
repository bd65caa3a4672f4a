package org.weft.server.architecture.house.federation;

import io.helidon.webserver.http.ServerResponse;
import org.weft.server.architecture.house.ui.Page;

/** Bad: a federation endpoint that renders a page itself, instead of the routing handing the request to the page. */
public final class PageRenderingEndpoint {
    private final Page page;

    public PageRenderingEndpoint(Page page) {
        this.page = page;
    }

    public void answer(ServerResponse res) {
        page.render(res);
    }
}
