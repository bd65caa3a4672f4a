package org.weft.activitypub.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxPlannerTest {

    private static Recipient recipient(String actor, String inbox, String sharedInbox) {
        return new Recipient(URI.create(actor), URI.create(inbox), sharedInbox == null ? null : URI.create(sharedInbox));
    }

    @Test
    void oneDeliveryPerSharedInboxPersonalOtherwiseLocalDropped() {
        List<Recipient> recipients = List.of(
                recipient("https://m.example/users/a", "https://m.example/users/a/inbox", "https://m.example/inbox"),
                recipient("https://gts.example/users/g", "https://gts.example/users/g/inbox", null),
                recipient("https://m.example/users/b", "https://m.example/users/b/inbox", "https://m.example/inbox"),
                recipient("https://camp.weft.test/users/amina", "https://camp.weft.test/users/amina/inbox",
                        "https://camp.weft.test/inbox"),
                recipient("https://gts.example/users/h", "https://gts.example/users/h/inbox", null),
                recipient("https://l.example/u/k", "https://l.example/u/k/inbox", "https://l.example/inbox"),
                recipient("https://gts.example/users/g", "https://gts.example/users/g/inbox", null));

        List<URI> plan = InboxPlanner.plan(recipients, inbox -> inbox.getHost().equals("camp.weft.test"));

        assertEquals(List.of(URI.create("https://m.example/inbox"), URI.create("https://gts.example/users/g/inbox"),
                URI.create("https://gts.example/users/h/inbox"), URI.create("https://l.example/inbox")), plan);
    }

    @Test
    void nothingToDeliverWhenEveryoneIsLocal() {
        List<Recipient> locals =
                List.of(recipient("https://camp.weft.test/users/a", "https://camp.weft.test/users/a/inbox", null));
        assertEquals(List.of(), InboxPlanner.plan(locals, inbox -> true));
    }
}
