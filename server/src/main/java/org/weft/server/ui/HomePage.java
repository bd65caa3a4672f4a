package org.weft.server.ui;

import java.util.Map;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.view.HomeView;

/** The front page: the communities this instance hosts, each with a link to its board. */
public final class HomePage {
    private final Database db;
    private final ProfilePage profiles;
    private final Pages pages;
    private final LocalUrls urls;

    public HomePage(Database db, ProfilePage profiles, Pages pages, LocalUrls urls) {
        this.db = db;
        this.profiles = profiles;
        this.pages = pages;
        this.urls = urls;
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        var groups = db.inTransaction(ActorRepository::localGroups);
        var cards = groups.stream().map(g -> profiles.card(g, v.messages())).toList();
        pages.render(res, v, v.messages().get("home.short"), "home.jte", Map.of("home", new HomeView(urls.domain(), cards)));
    }
}
