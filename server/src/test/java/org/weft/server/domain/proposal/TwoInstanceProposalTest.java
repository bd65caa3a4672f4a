package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.weft.server.model.HelpKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * An offer posted on instance A reaches a follower on instance B with every field intact, and its
 * edits, status changes and deletion follow; nobody but its owner can change B's copy.
 */
class TwoInstanceProposalTest {

    @Test
    void anOfferTravelsToAnotherInstanceAndStaysCurrent() {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", "a long enough password", false);
            a.server().proposals().areas().create("camp-a", "Camp A", null, null);
            a.server().proposals().areas().create("camp-a/block-3", "Block 3", null, null);
            b.server().localActors().createMember("bob", "Bob", "a long enough password", false);
            String group = follow(b, "bob", a, "block3");

            Instant ends = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            ProposalEntity offer = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).language("en").title("Fresh bread")
                    .description("Ten bundles, free.").categories("bread").quantity(new BigDecimal("10"), "one")
                    .area("camp-a/block-3").endsAt(ends)
                    .translations(Map.of("ar", new ProposalDraft.Text("خبز طازج", "عشر حزم مجاناً"))).build());

            ProposalEntity copy = WaitFor.value("B keeps the offer", () -> find(b, offer.getUri()));
            assertEquals(Purpose.OFFER, copy.getPurpose());
            assertEquals(ProposalStatus.OPEN, copy.getStatus());
            assertEquals("Fresh bread", copy.getTitle());
            assertEquals("Ten bundles, free.", copy.getDescription());
            assertEquals("en", copy.getLanguage());
            assertEquals(List.of("https://w3id.org/weft/taxonomy/v1#bread"), copy.getCategories());
            assertEquals(0, new BigDecimal("10").compareTo(copy.getQuantity()));
            assertEquals("one", copy.getUnit());
            assertEquals("camp-a/block-3", copy.getAreaCode());
            assertEquals("Camp A, Block 3", copy.getAreaName());
            assertEquals(ends, copy.getEndsAt());
            assertEquals(HelpKind.GIFT, copy.getKind());
            assertEquals(group,
                    b.server().db().inTransaction(s -> s.find(ProposalEntity.class, copy.getId()).getGroup().getUri()));
            assertEquals(a.base() + "/users/amina",
                    b.server().db().inTransaction(s -> s.find(ProposalEntity.class, copy.getId()).getAttributedTo().getUri()));

            a.server().proposals().service().edit("amina", offer.getId(),
                    ProposalDraft.builder().title("Fresh bread and tea").build());
            WaitFor.condition("the edit reaches B", () -> "Fresh bread and tea".equals(find(b, offer.getUri()).getTitle()));

            a.server().proposals().service().changeStatus("amina", offer.getId(), ProposalStatus.PROMISED);
            WaitFor.condition("the status reaches B", () -> find(b, offer.getUri()).getStatus() == ProposalStatus.PROMISED);

            a.server().proposals().service().delete("amina", offer.getId());
            WaitFor.condition("the deletion reaches B", () -> find(b, offer.getUri()).isDeleted());
            assertEquals(410, TestHttp.get(offer.getUri(), "application/activity+json").statusCode());

            ProposalEntity second = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).title("Tea").categories("food").build());
            WaitFor.value("B keeps the second offer", () -> find(b, second.getUri()));
            a.server().proposals().service().changeStatus("amina", second.getId(), ProposalStatus.WITHDRAWN);
            WaitFor.condition("the withdrawal removes B's copy", () -> find(b, second.getUri()).isDeleted());
            assertEquals(410, TestHttp.get(second.getUri(), "application/activity+json").statusCode());
        }
    }

    @Test
    void onlyTheOwnerCanUpdateOrDeleteACopy() {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", "a long enough password", false);
            b.server().localActors().createMember("bob", "Bob", "a long enough password", false);
            follow(b, "bob", a, "block3");
            ProposalEntity offer = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).title("A pram to lend").categories("prams")
                    .kind(HelpKind.LOAN).build());
            WaitFor.value("B keeps the offer", () -> find(b, offer.getUri()));

            try (MastodonPeer mallory = new MastodonPeer(b.base())) {
                URI inbox = URI.create(b.base() + "/inbox");
                var forgedNote = (com.fasterxml.jackson.databind.node.ObjectNode) TestHttp.activityJson(offer.getUri());
                forgedNote.put("status", "withdrawn");
                var update = TestHttp.JSON.createObjectNode();
                update.set("@context", forgedNote.get("@context"));
                update.put("id", mallory.rosa() + "#updates/forged").put("type", "Update").put("actor", mallory.rosa());
                update.set("object", forgedNote);
                var delete = TestHttp.JSON.createObjectNode();
                delete.put("@context", "https://www.w3.org/ns/activitystreams");
                delete.put("id", mallory.rosa() + "#deletes/forged").put("type", "Delete").put("actor", mallory.rosa())
                        .put("object", offer.getUri());

                assertEquals(202, mallory.deliver(inbox, update.toString()).statusCode());
                assertEquals(202, mallory.deliver(inbox, delete.toString()).statusCode());
                WaitFor.inboundDone(b, update.path("id").asText());
                WaitFor.inboundDone(b, delete.path("id").asText());
            }
            ProposalEntity copy = find(b, offer.getUri());
            assertEquals(ProposalStatus.OPEN, copy.getStatus());
            assertEquals(null, copy.getDeletedAt());
        }
    }

    /** {@code member} on {@code from} follows {@code group} on {@code to}; returns the group's id once accepted. */
    static String follow(TestServers.Instance from, String member, TestServers.Instance to, String group) {
        try {
            String id = from.server().follows().follow(member, "@" + group + "@" + to.domain());
            WaitFor.condition("the follow is accepted", () -> from.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from FollowEntity f where f.followee.uri = :g and f.state = :st", Long.class)
                    .setParameter("g", id).setParameter("st", org.weft.server.persistence.FollowEntity.State.ACCEPTED)
                    .getSingleResult()) == 1);
            return id;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProposalEntity find(TestServers.Instance instance, String uri) {
        return instance.server().db().inTransaction(s -> ProposalRepository.byUri(s, uri).orElse(null));
    }
}
