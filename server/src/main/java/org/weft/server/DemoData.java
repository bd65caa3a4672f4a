package org.weft.server;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Logger;

import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.model.Audience;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalRepository;

/**
 * The newcomer's demo: a community with a living board of offers and requests in several languages.
 * Only the run-for-newcomers command turns this on ({@code WEFT_DEMO=true}); production configuration
 * never does. Demo members get random passwords: nobody is meant to log in as them.
 */
final class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    static final String GROUP = "block3";

    private DemoData() {
    }

    static void seed(Database db, LocalActorService actors) {
        boolean present = db.inTransaction(s -> ActorRepository.localByUsername(s, GROUP).isPresent());
        if (present) {
            return;
        }
        actors.createGroup(GROUP, "Block 3 mutual aid",
                "Offers and requests of help between neighbours in Block 3. Follow to see them in your timeline.");
        for (Map.Entry<String, String> member : Map.of("amina", "Amina", "yusuf", "Yusuf", "olena", "Olena",
                "maryam", "Maryam", "lucia", "Lucía", "pierre", "Pierre").entrySet()) {
            actors.createMember(member.getKey(), member.getValue(), randomPassword(), false);
        }
        LOG.info("Demo community @" + GROUP + " created with six members");
    }

    static void seedProposals(Database db, AreaService areas, ProposalService proposals) {
        long existing = db.inTransaction(ProposalRepository::countAll);
        if (existing > 0) {
            return;
        }
        areas.create("camp-a", "Camp A", 32.29, 36.32);
        areas.create("camp-a/block-3", "Block 3", null, null);
        areas.create("camp-a/block-5", "Block 5", null, null);
        post(proposals, "amina", ProposalDraft.builder().purpose(Purpose.OFFER).language("en").categories("bread")
                .title("Fresh bread every morning")
                .description("I bake more than we eat. 10 bundles, free, pick up near the water point.")
                .quantity(new BigDecimal("10"), "one").area("camp-a/block-3"));
        post(proposals, "yusuf", ProposalDraft.builder().purpose(Purpose.OFFER).language("ar").categories("babysitting")
                .kind(HelpKind.TIME).title("أستطيع رعاية طفلين يوم الثلاثاء بعد الظهر")
                .description("لدي خبرة مع الأطفال الصغار. يوم الثلاثاء من الساعة ٢ حتى ٦.").area("camp-a/block-3"));
        post(proposals, "olena", ProposalDraft.builder().purpose(Purpose.REQUEST).language("uk").categories("mobility-aids")
                .kind(HelpKind.LOAN).title("Потрібен інвалідний візок на тиждень")
                .description("Для моєї мами після операції. Повернемо в доброму стані.").area("camp-a/block-5")
                .audience(Audience.PUBLIC));
        post(proposals, "maryam", ProposalDraft.builder().purpose(Purpose.REQUEST).language("fa").categories("interpretation")
                .kind(HelpKind.TIME).title("نیاز به مترجم برای وقت دکتر دارم")
                .description("پنجشنبه ساعت ۱۰ صبح، فارسی به انگلیسی.").area("camp-a").audience(Audience.ANONYMOUS));
        post(proposals, "lucia", ProposalDraft.builder().purpose(Purpose.OFFER).language("es").categories("prams")
                .kind(HelpKind.LOAN).title("Presto un cochecito de bebé")
                .description("En buen estado, por unas semanas.").area("camp-a/block-5"));
        post(proposals, "pierre", ProposalDraft.builder().purpose(Purpose.OFFER).language("fr").categories("bike-repair")
                .kind(HelpKind.TIME).title("Je répare les vélos le samedi")
                .description("Apportez votre vélo, j'ai quelques pièces.").area("camp-a"));
        post(proposals, "amina", ProposalDraft.builder().purpose(Purpose.REQUEST).language("en").categories("winter-clothes")
                .title("Winter coats for two children (age 6 and 9)").description("Anything warm helps.")
                .quantity(new BigDecimal("2"), "one").area("camp-a/block-3").audience(Audience.PUBLIC));
        LOG.info("Demo board filled with example offers and requests");
    }

    private static void post(ProposalService proposals, String member, ProposalDraft.Builder draft) {
        proposals.create(member, draft.community(GROUP).build());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }
}
