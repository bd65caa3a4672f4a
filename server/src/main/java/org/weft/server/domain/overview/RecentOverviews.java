package org.weft.server.domain.overview;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The overviews as last counted, at most {@link #FRESH} old: counting a community with 100,000 proposals takes a few
 * hundred milliseconds of database work (G11), which a page asked for a hundred times a second cannot pay each time.
 * A view older than a minute is still answered at once while one recount runs in the background (Caffeine's refresh),
 * so no reader waits for it but the very first. Each figure says when it was counted ({@code counted_at}).
 *
 * <p>A member's view (community-only proposals counted) and a visitor's are kept apart by the key: one is never
 * served for the other.
 */
public final class RecentOverviews {
    /** How old a view may be before it is counted again. */
    static final Duration FRESH = Duration.ofMinutes(1);
    /** A view nobody asked for in this long is dropped (a community seldom looked at costs no memory). */
    static final Duration KEPT = Duration.ofMinutes(10);
    /** Views kept at most: every community here in both audiences, and the unknown names people try (404s). */
    static final long MOST = 2_000;

    /** One view: a community's (null: the instance's), for a member or a visitor, with its linked communities or not. */
    record Key(String community, boolean member, boolean linked) {
    }

    private final LoadingCache<Key, Optional<Overview>> views;

    public RecentOverviews(NeedsOverview overview) {
        this(key -> key.community() == null ? Optional.of(overview.instance(key.member()))
                : overview.community(key.community(), key.member(), key.linked()), Ticker.systemTicker(),
                ForkJoinPool.commonPool());
    }

    RecentOverviews(Function<Key, Optional<Overview>> counter, Ticker ticker, Executor recount) {
        this.views = Caffeine.newBuilder().maximumSize(MOST).refreshAfterWrite(FRESH).expireAfterAccess(KEPT)
                .ticker(ticker).executor(recount).build(counter::apply);
    }

    /** A community's overview ({@code linked}: with the communities it links to); empty when there is none here. */
    public Optional<Overview> community(String name, boolean member, boolean linked) {
        return views.get(new Key(name.toLowerCase(Locale.ROOT), member, linked));
    }

    /** The whole instance's overview. */
    public Overview instance(boolean member) {
        return views.get(new Key(null, member, false)).orElseThrow();
    }
}
