package org.weft.server.domain.actor;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.PlainText;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.CommunitySettingEntity;
import org.weft.server.persistence.Database;

/**
 * A community's "about" (its actor's summary, so other servers see it too: a change sends its followers an Update)
 * and its rules (kept here only), as the operator edits them and its page shows them. Both are written as plain text.
 */
public final class CommunityTexts {
    public static final int MAX_ABOUT = 2000;
    public static final int MAX_RULES = 4000;

    /** One local community's texts as the operator edits them: {@code about} as plain text, {@code rules} as written. */
    public record Texts(String username, String displayName, String about, String rules) {
    }

    private final Database db;
    private final ActorUpdates updates;
    private final Clock clock;

    public CommunityTexts(Database db, ActorUpdates updates, Clock clock) {
        this.db = db;
        this.updates = updates;
        this.clock = clock;
    }

    /** The rules of a community, or null when it has none. */
    public String rules(long communityId) {
        return db.inTransaction(s -> {
            CommunitySettingEntity row = s.find(CommunitySettingEntity.class, communityId);
            return row == null || row.getRules() == null || row.getRules().isBlank() ? null : row.getRules();
        });
    }

    /** Every local community's texts, for the operator's forms. */
    public List<Texts> all() {
        return db.inTransaction(s -> ActorRepository.localGroups(s).stream().map(g -> {
            CommunitySettingEntity row = s.find(CommunitySettingEntity.class, g.getId());
            String about = g.getSummary() == null ? "" : HtmlSanitizer.toPlainText(g.getSummary());
            return new Texts(g.getUsername(), g.getDisplayName(), about,
                    row == null || row.getRules() == null ? "" : row.getRules());
        }).toList());
    }

    /**
     * The operator saves a community's texts.
     *
     * @throws InvalidInputException {@code text_too_long} on {@code about} over {@value #MAX_ABOUT} characters or on
     *                               {@code rules} over {@value #MAX_RULES}
     * @throws NotFoundException     no such local community
     */
    public void save(String community, String about, String rules) {
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
            if (!Objects.equals(summary, group.getSummary())) {
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
