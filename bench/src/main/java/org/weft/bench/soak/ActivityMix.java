package org.weft.bench.soak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.weft.activitypub.vocab.ProposalNote;
import org.weft.bench.targets.Sender;

/**
 * The script of inbound activities, in the order they are sent: a fixed mix per {@value #CYCLE} activities (see
 * {@link Kind}), spread evenly rather than in blocks, and activities that act on earlier ones (edits, deletes,
 * boosts, likes of posts, undos) pick among those sent at least {@code lagActivities} earlier, so that the server
 * has had time to take the first one in (a boost of a proposal it does not hold yet would make it fetch, which the
 * mocks answer with 404). Until then they fall back to their kind's first form. Deterministic: the same seed gives
 * the same script.
 */
final class ActivityMix {
    static final int CYCLE = 40;
    private static final long FIRST_STATUS = 116_300_000_000_000_000L;

    /** What a script entry is, and how many of each in {@value #CYCLE}. */
    enum Kind {
        BOARD_POST(3, "Create(Note) from Mastodon, mentioning the community with a purpose hashtag"),
        REPLY(4, "Create(Note) from Mastodon replying to a local proposal"),
        PROPOSAL(6, "Create of a FEP-0837 proposal from a Weft server"),
        PROPOSAL_UPDATE(5, "Update of such a proposal (edit, promised, fulfilled)"),
        POST_EDIT(2, "Update(Note) from Mastodon: an edited board post"),
        PROFILE_UPDATE(1, "Update(Person) from Mastodon: a profile change"),
        DELETE(3, "Delete of an earlier board post, reply or proposal by its owner"),
        LIKE(8, "Like from Mastodon of a local proposal or a board post"),
        ANNOUNCE(5, "Announce from Mastodon of a local or a kept remote proposal"),
        UNDO_LIKE(3, "Undo(Like) from Mastodon");

        final int perCycle;
        final String description;

        Kind(int perCycle, String description) {
            this.perCycle = perCycle;
            this.description = description;
        }
    }

    /** One activity to send: who signs it and its body. */
    record Entry(Kind kind, Sender sender, byte[] body) {
    }

    /** The entries in sending order, and how many of each kind (fallbacks counted as what they became). */
    record Script(List<Entry> entries, Map<Kind, Integer> counts) {
    }

    private final SoakScene scene;
    private final MastodonShapes mastodon;
    private final Instant now;
    private final int lag;
    private final Random random = new Random(16);
    private final Kind[] cycle = spread();
    private final List<Post> posts = new ArrayList<>();
    private final List<Post> replies = new ArrayList<>();
    private final List<Proposal> proposals = new ArrayList<>();
    private final List<Like> likes = new ArrayList<>();
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private long status = FIRST_STATUS;
    private long serial;

    private ActivityMix(SoakScene scene, Instant now, int lagActivities) {
        this.scene = scene;
        this.mastodon = MastodonShapes.forCommunity(scene.communityUri());
        this.now = now;
        this.lag = lagActivities;
    }

    /** {@code count} entries dated {@code now}; see the class comment for {@code lagActivities}. */
    static Script script(SoakScene scene, int count, Instant now, int lagActivities) {
        ActivityMix mix = new ActivityMix(scene, now, lagActivities);
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(mix.next(i));
        }
        return new Script(List.copyOf(entries), Map.copyOf(mix.counts));
    }

    private Entry next(int index) {
        Kind planned = cycle[index % CYCLE];
        Entry entry = switch (planned) {
            case BOARD_POST -> boardPost(index);
            case REPLY -> reply(index);
            case PROPOSAL -> proposal(index);
            case PROPOSAL_UPDATE -> proposalUpdate(index);
            case POST_EDIT -> postEdit(index);
            case PROFILE_UPDATE -> profileUpdate();
            case DELETE -> delete(index);
            case LIKE -> like(index);
            case ANNOUNCE -> announce(index);
            case UNDO_LIKE -> undoLike(index);
        };
        counts.merge(entry.kind(), 1, Integer::sum);
        return entry;
    }

    private Entry boardPost(int index) {
        Sender sender = anyMastodon();
        boolean offer = random.nextBoolean();
        SoakScene.Category category = anyCategory();
        String language = anyLanguage();
        PostTexts.Text text = PostTexts.proposal(offer, language, category.label(language), ++serial);
        List<String> tags = List.of(offer ? "MutualAidOffer" : "MutualAidRequest", category.hashtag());
        Post post = new Post(sender, ++status, index, text, tags);
        posts.add(post);
        return new Entry(Kind.BOARD_POST, sender, mastodon.boardPost(sender, post.status, text.body(), language, tags, now));
    }

    private Entry reply(int index) {
        Sender sender = anyMastodon();
        SoakScene.LocalProposal target = anyLocalProposal();
        Post reply = new Post(sender, ++status, index, null, List.of());
        replies.add(reply);
        return new Entry(Kind.REPLY, sender, mastodon.reply(sender, reply.status, target.uri(), target.authorUri(),
                PostTexts.reply(++serial), now));
    }

    private Entry proposal(int index) {
        Sender sender = scene.weft().get(random.nextInt(scene.weft().size()));
        boolean offer = random.nextBoolean();
        SoakScene.Category category = anyCategory();
        String language = anyLanguage();
        long number = ++serial;
        ProposalNote note = WeftShapes.proposal(sender, number, offer, category.uri(), category.hashtag(),
                PostTexts.proposal(offer, language, category.label(language), number), ProposalNote.OPEN, now, null);
        proposals.add(new Proposal(sender, index, note));
        return new Entry(Kind.PROPOSAL, sender, WeftShapes.create(sender, ++serial, note));
    }

    private Entry proposalUpdate(int index) {
        Proposal p = pick(proposals, index, x -> !x.deleted && !ProposalNote.FULFILLED.equals(x.note.status()));
        if (p == null) {
            return proposal(index);
        }
        String next = switch (random.nextInt(10)) {
            case 0, 1, 2 -> ProposalNote.OPEN.equals(p.note.status()) ? ProposalNote.PROMISED : ProposalNote.FULFILLED;
            default -> p.note.status();
        };
        p.edits++;
        String content = p.original.content().replaceFirst("</p>", " (edit " + p.edits + ")</p>");
        String language = p.original.contentMap().keySet().iterator().next();
        p.note = p.note.toBuilder().status(next).updated(now.plusSeconds(p.edits)).content(content)
                .contentMap(Map.of(language, content)).build();
        return new Entry(Kind.PROPOSAL_UPDATE, p.sender, WeftShapes.update(p.sender, ++serial, p.note));
    }

    private Entry postEdit(int index) {
        Post post = pick(posts, index, x -> !x.deleted);
        if (post == null) {
            return boardPost(index);
        }
        post.edits++;
        String body = post.text.body() + " (edit " + post.edits + ")";
        return new Entry(Kind.POST_EDIT, post.sender, mastodon.editPost(post.sender, post.status, ++serial, body,
                post.text.language(), post.tags, now));
    }

    private Entry profileUpdate() {
        Sender sender = anyMastodon();
        return new Entry(Kind.PROFILE_UPDATE, sender, mastodon.updateProfile(sender, ++serial, now));
    }

    private Entry delete(int index) {
        int which = random.nextInt(4);
        if (which <= 1) {
            Post post = pick(posts, index, x -> !x.deleted);
            if (post != null) {
                post.deleted = true;
                return new Entry(Kind.DELETE, post.sender, mastodon.delete(post.sender, post.status, now));
            }
        } else if (which == 2) {
            Post reply = pick(replies, index, x -> !x.deleted);
            if (reply != null) {
                reply.deleted = true;
                return new Entry(Kind.DELETE, reply.sender, mastodon.delete(reply.sender, reply.status, now));
            }
        } else {
            Proposal p = pick(proposals, index, x -> !x.deleted);
            if (p != null) {
                p.deleted = true;
                return new Entry(Kind.DELETE, p.sender, WeftShapes.delete(p.sender, ++serial, p.note, now));
            }
        }
        return boardPost(index);
    }

    private Entry like(int index) {
        Sender sender = anyMastodon();
        Post post = random.nextInt(10) < 3 ? pick(posts, index, x -> true) : null;
        String object = post != null ? post.sender.actor().uri() + "/statuses/" + post.status : anyLocalProposal().uri();
        Like like = new Like(sender, ++serial, object, index);
        likes.add(like);
        return new Entry(Kind.LIKE, sender, mastodon.like(sender, like.serial, object));
    }

    private Entry announce(int index) {
        Sender sender = anyMastodon();
        Proposal remote = random.nextInt(10) < 4 ? pick(proposals, index, x -> true) : null;
        if (remote != null) {
            return new Entry(Kind.ANNOUNCE, sender, mastodon.announce(sender, ++status, remote.note.id(),
                    remote.sender.actor().uri(), now));
        }
        SoakScene.LocalProposal local = anyLocalProposal();
        return new Entry(Kind.ANNOUNCE, sender, mastodon.announce(sender, ++status, local.uri(), local.authorUri(), now));
    }

    private Entry undoLike(int index) {
        Like like = pick(likes, index, x -> !x.undone);
        if (like == null) {
            return like(index);
        }
        like.undone = true;
        return new Entry(Kind.UNDO_LIKE, like.sender, mastodon.undoLike(like.sender, like.serial, like.object));
    }

    /** A random earlier item, sent at least {@link #lag} activities before {@code index}, that {@code ok} accepts. */
    private <T extends Sent> T pick(List<T> items, int index, java.util.function.Predicate<T> ok) {
        int low = 0;
        int high = items.size(); // items are in sending order: binary search for the first one sent too recently
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (items.get(mid).index() <= index - lag) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int eligible = low;
        for (int attempt = 0; attempt < 8 && eligible > 0; attempt++) {
            T candidate = items.get(random.nextInt(eligible));
            if (ok.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private Sender anyMastodon() {
        return scene.mastodon().get(random.nextInt(scene.mastodon().size()));
    }

    private SoakScene.LocalProposal anyLocalProposal() {
        return scene.proposals().get(random.nextInt(scene.proposals().size()));
    }

    private SoakScene.Category anyCategory() {
        return scene.categories().get(random.nextInt(scene.categories().size()));
    }

    private String anyLanguage() {
        return PostTexts.LANGUAGES.get(random.nextInt(PostTexts.LANGUAGES.size()));
    }

    /** The kinds of one cycle, each spread as evenly as its share allows (smooth weighted round-robin). */
    private static Kind[] spread() {
        Kind[] kinds = Kind.values();
        int[] current = new int[kinds.length];
        Kind[] order = new Kind[CYCLE];
        for (int slot = 0; slot < CYCLE; slot++) {
            int best = 0;
            for (int k = 0; k < kinds.length; k++) {
                current[k] += kinds[k].perCycle;
                if (current[k] > current[best]) {
                    best = k;
                }
            }
            current[best] -= CYCLE;
            order[slot] = kinds[best];
        }
        return order;
    }

    /** Something sent at a script index. */
    private interface Sent {
        int index();
    }

    private static final class Post implements Sent {
        final Sender sender;
        final long status;
        final int index;
        final PostTexts.Text text;
        final List<String> tags;
        boolean deleted;
        int edits;

        Post(Sender sender, long status, int index, PostTexts.Text text, List<String> tags) {
            this.sender = sender;
            this.status = status;
            this.index = index;
            this.text = text;
            this.tags = tags;
        }

        @Override
        public int index() {
            return index;
        }
    }

    private static final class Proposal implements Sent {
        final Sender sender;
        final int index;
        final ProposalNote original;
        ProposalNote note;
        boolean deleted;
        int edits;

        Proposal(Sender sender, int index, ProposalNote note) {
            this.sender = sender;
            this.index = index;
            this.original = note;
            this.note = note;
        }

        @Override
        public int index() {
            return index;
        }
    }

    private static final class Like implements Sent {
        final Sender sender;
        final long serial;
        final String object;
        final int index;
        boolean undone;

        Like(Sender sender, long serial, String object, int index) {
            this.sender = sender;
            this.serial = serial;
            this.object = object;
            this.index = index;
        }

        @Override
        public int index() {
            return index;
        }
    }
}
