package org.weft.web.view;

import java.util.List;

/** The instance's front page: what it is and which communities it hosts. */
public record HomeView(String domain, List<ActorCard> communities) {
}
