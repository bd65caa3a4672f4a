package org.weft.server.domain.account;

import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.Usernames;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;

/** Who may use the operator pages. Only the command line grants it, so the first operator is made there. */
public final class Operators {
    private final Database db;

    public Operators(Database db) {
        this.db = db;
    }

    public void setAdmin(String username, boolean admin) {
        String name = Usernames.normalise(username);
        db.run(s -> {
            ActorEntity member = ActorRepository.local(s, ActorKind.PERSON, name).filter(a -> !a.isDeleted())
                    .orElseThrow(() -> InvalidInputException.field("username", "member_unknown", username));
            AccountService.setting(s, member.getId()).setAdmin(admin);
        });
    }
}
