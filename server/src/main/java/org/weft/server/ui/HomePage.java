package org.weft.server.ui;


import java.util.Map;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.ActorRepository;
import org.weft.server.domain.LocalUrls;
import org.weft.server.persistence.Database;
import org.weft.web.view.HomeView;

/** The front page: the communities this instance hosts. */
public final class HomePage {
    private final Database db;
    private final ProfilePage profiles;
    private final Templates templates;
    private final LocalUrls urls;

    public HomePage(Database db, ProfilePage profiles, Templates templates, LocalUrls urls) {
        this.db = db;
        this.profiles = profiles;
        this.templates = templates;
        this.urls = urls;
    }

    public void render(ServerRequest req, ServerResponse res) {
        var groups = db.inTransaction(ActorRepository::localGroups);
        var cards = groups.stream().map(profiles::card).toList();
        templates.render(res, "home.jte", Map.of("home", new HomeView(urls.domain(), cards)));
    }
}
