package org.weft.activitypub.vocab;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Factories for the activities Weft sends, shaped the way Mastodon and Lemmy accept them (interop.md §4). */
public final class Activities {

    private Activities() {
    }

    /**
     * A Follow, addressed to the followee.
     *
     * @param id     the activity id
     * @param actor  the follower
     * @param object the actor to follow
     * @return the activity
     */
    public static Activity follow(String id, String actor, String object) {
        return new Activity(id, "Follow", actor, ObjectRef.of(object), null, List.of(object), List.of(), null, null);
    }

    /**
     * An Accept of a Follow, embedding the Follow with {@code actor} and {@code object} as plain ids, addressed to
     * the follower.
     *
     * @param id     the activity id
     * @param actor  the followee, who accepts
     * @param follow the Follow being accepted
     * @return the activity
     */
    public static Activity accept(String id, String actor, Activity follow) {
        return answer("Accept", id, actor, follow);
    }

    /**
     * A Reject of a Follow, shaped like {@link #accept}.
     *
     * @param id     the activity id
     * @param actor  the followee, who refuses
     * @param follow the Follow being refused
     * @return the activity
     */
    public static Activity reject(String id, String actor, Activity follow) {
        return answer("Reject", id, actor, follow);
    }

    /**
     * An Undo embedding the whole activity it takes back (Threads answers 500 to a bare URI). It goes to the
     * same addressees; an unaddressed Follow's Undo goes to the followee.
     *
     * @param id       the activity id
     * @param actor    the actor undoing (the embedded activity's actor)
     * @param embedded the activity to undo
     * @return the activity
     */
    public static Activity undo(String id, String actor, Activity embedded) {
        List<String> to = new ArrayList<>(embedded.to());
        if (to.isEmpty() && embedded.object() != null && embedded.object().id() != null) {
            to.add(embedded.object().id());
        }
        return new Activity(id, "Undo", actor, ObjectRef.embed(embedded.toEmbeddedJson()), null, to,
                embedded.cc(), null, null);
    }

    /**
     * A Delete by id, addressed to Public; with {@code objectId} equal to {@code actor} it deletes the account.
     *
     * @param id       the activity id
     * @param actor    the actor deleting
     * @param objectId the deleted object's id, or the actor's own id
     * @return the activity
     */
    public static Activity delete(String id, String actor, String objectId) {
        return new Activity(id, "Delete", actor, ObjectRef.of(objectId), null, List.of(Vocab.PUBLIC), List.of(),
                null, null);
    }

    /**
     * A Delete embedding a Tombstone, as Mastodon sends for posts.
     *
     * @param id        the activity id
     * @param actor     the actor deleting
     * @param tombstone what remains of the object
     * @param to        primary addressees
     * @param cc        secondary addressees
     * @return the activity
     */
    public static Activity delete(String id, String actor, Tombstone tombstone, List<String> to, List<String> cc) {
        ObjectNode object = tombstone.toJson();
        object.remove("@context");
        return new Activity(id, "Delete", actor, ObjectRef.embed(object), null, to, cc, null, null);
    }

    /**
     * An Update embedding the new state of an object (a Note with {@code updated} set, or an actor). It takes the
     * object's {@code to}/{@code cc}, or Public when the object has none, and the object's {@code @context}.
     *
     * @param id     the activity id
     * @param actor  the actor updating
     * @param object the object as it is now
     * @return the activity
     */
    public static Activity update(String id, String actor, JsonNode object) {
        return wrap("Update", id, actor, object);
    }

    /**
     * A Create embedding a new object, addressed like the object, with the object's {@code @context}.
     *
     * @param id     the activity id
     * @param actor  the author
     * @param object the new object
     * @return the activity
     */
    public static Activity create(String id, String actor, JsonNode object) {
        return wrap("Create", id, actor, object);
    }

    /**
     * An Announce (boost) of an object by its URI, as a group shares proposals with its followers.
     *
     * @param id        the activity id
     * @param actor     the announcing actor
     * @param objectUri the object's id
     * @param to        primary addressees
     * @param cc        secondary addressees
     * @return the activity
     */
    public static Activity announce(String id, String actor, String objectUri, List<String> to, List<String> cc) {
        return new Activity(id, "Announce", actor, ObjectRef.of(objectUri), null, to, cc, null, null);
    }

    private static Activity answer(String type, String id, String actor, Activity follow) {
        return new Activity(id, type, actor, ObjectRef.embed(follow.toEmbeddedJson()), null,
                List.of(follow.actor()), List.of(), null, null);
    }

    private static Activity wrap(String type, String id, String actor, JsonNode object) {
        ObjectRef ref = ObjectRef.embed(object);
        List<String> to = JsonValues.addresses(object.get("to"));
        List<String> cc = JsonValues.addresses(object.get("cc"));
        if (to.isEmpty() && cc.isEmpty()) {
            to = List.of(Vocab.PUBLIC);
        }
        return new Activity(id, type, actor, ref, null, to, cc, null, null);
    }
}
