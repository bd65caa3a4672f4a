package org.weft.server.ui;

import java.time.Clock;
import java.util.List;

import org.hibernate.Session;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.PlainText;
import org.weft.server.domain.actor.ActorUpdates;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.CommunitySettingEntity;
import org.weft.server.persistence.Database;
import org.weft.web.view.CommunityText;

/**
 * A community's "about" (its actor's summary, so other servers see it too) and its rules (kept here only), as the
 * operator edits them and its page shows them. Both are written as plain text.
 */
final class CommunityTexts {
    static final int MAX_ABOUT = 2000;
    static final int MAX_RULES = 4000;

    private final Database db;
    private final ActorUpdates updates;
    private final Clock clock;

    CommunityTexts(Database db, ActorUpdates updates, Clock clock) {
        this.db = db;
        this.updates = updates;
        this.clock = clock;
    }

    /** The rules of a community, or null when it has none. */
    static String rules(Session s, long actorId) {
        CommunitySettingEntity row = s.find(CommunitySettingEntity.class, actorId);
        return row == null || row.getRules() == null || row.getRules().isBlank() ? null : row.getRules();
    }

    /** Every local community's texts, for the operator's forms. */
    List<CommunityText> all() {
        return db.inTransaction(s -> ActorRepository.localGroups(s).stream().map(g -> {
            CommunitySettingEntity row = s.find(CommunitySettingEntity.class, g.getId());
            String about = g.getSummary() == null ? "" : HtmlSanitizer.toPlainText(g.getSummary());
            return new CommunityText(g.getUsername(), g.getDisplayName(), about,
                    row == null || row.getRules() == null ? "" : row.getRules());
        }).toList());
    }

    void save(String community, String about, String rules) {
        if (about.length() > MAX_ABOUT) {
            throw InvalidInputException.field("about", "text_too_long", MAX_ABOUT);
        }
        if (rules.length() > MAX_RULES) {
            throw InvalidInputException.field("rules", "text_too_long", MAX_RULES);
        }
        db.run(s -> {
            ActorEntity group = ActorRepository.local(s, ActorKind.GROUP, community).filter(g -> !g.isDeleted())
                    .orElseThrow(() -> new NotFoundException("No community " + community));
            String summary = about.isBlank() ? null : PlainText.toHtml(about);
            if (!java.util.Objects.equals(summary, group.getSummary())) {
                group.setSummary(summary);
                updates.changed(s, group); // the rules are not in the actor document; the summary is
            }
            CommunitySettingEntity row = s.find(CommunitySettingEntity.class, group.getId());
            if (row == null) {
                row = new CommunitySettingEntity(group.getId());
                row.setRules(rules, clock.instant());
                s.persist(row);
            } else {
                row.setRules(rules, clock.instant());
            }
        });
    }
}
