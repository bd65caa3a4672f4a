package org.weft.server.ui.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Holds back password guessing without holding back the member. Only failed logins count, in three ways:
 * <ul>
 *   <li><b>per account</b>, from browsers the member has not signed in from: {@link Limits#accountFreeFailures} free,
 *       then an exponential back-off (1 min, 2, 4 … up to {@link Limits#longestWait}) before the next try;</li>
 *   <li><b>per client address</b>, across all usernames, from those same browsers: at most
 *       {@link Limits#addressFailures} in {@link Limits#addressWindow}, so one address cannot try one password
 *       against many names (spraying);</li>
 *   <li><b>per known browser</b> (a device cookie of that member, see {@link LoginDevices}): its own back-off, after
 *       {@link Limits#deviceFreeFailures}. Neither of the others applies to it, so an attacker anywhere, even behind
 *       the same proxy or camp network, cannot lock a member out of a browser they have signed in from before. A
 *       known browser that fails too often itself is treated like any other.</li>
 * </ul>
 * A success ends the back-off of the path it took (a new browser's success clears the account's; the address keeps
 * counting, or an attacker could clear it with an account of their own). Kept in memory on purpose: a restart
 * forgets the counts, which costs little, and reading a table would put a query before every login.
 *
 * <p>With several nodes, each failure and success is also told to the other nodes ({@link Peers}, through the change
 * feed), which count it as if it had happened to them: an attacker spreading guesses over the nodes is held back as
 * by one. The counts are kept by digests of the name, the address and the browser ({@link Keys}), so what travels
 * between nodes and sits in the feed for its few minutes is not the address or the name itself.
 */
public final class LoginRateLimiter {
    /** The numbers of the rules above. */
    public record Limits(int accountFreeFailures, int deviceFreeFailures, Duration firstWait, Duration longestWait,
                         Duration streakMemory, int addressFailures, Duration addressWindow) {
        public static final Limits DEFAULT = new Limits(5, 10, Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofDays(1), 20, Duration.ofMinutes(15));
    }

    /** Who else counts this node's failures and successes: the other nodes of the instance. */
    public interface Peers {
        /** One node alone: nobody else to tell. */
        Peers NONE = new Peers() {
            @Override
            public void failed(Keys keys) {
            }

            @Override
            public void succeeded(Keys keys) {
            }
        };

        void failed(Keys keys);

        void succeeded(Keys keys);
    }

    /**
     * What the limiter counts an attempt by: digests of the account name, the client's address key and the browser's
     * device key (null when the browser is not known for that member).
     */
    public record Keys(String account, String client, String device) {
        private static final String NO_DEVICE = "-";

        /** One line, for the change feed. */
        public String line() {
            return account + " " + client + " " + (device == null ? NO_DEVICE : device);
        }

        /** The keys of {@link #line()}; empty when the line is not one (written by another version). */
        public static Optional<Keys> parse(String line) {
            String[] parts = line.split(" ");
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Keys(parts[0], parts[1], NO_DEVICE.equals(parts[2]) ? null : parts[2]));
        }
    }

    /**
     * One login attempt.
     *
     * @param client   the client's address key (see {@link org.weft.server.config.IpAddresses#clientKey})
     * @param username the username as typed
     * @param device   the key of this browser when the member named has signed in from it, else null
     */
    public record Attempt(String client, String username, String device) {
        String account() {
            String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
            return name.length() > 100 ? name.substring(0, 100) : name;
        }

        /** What the limiter counts this attempt by. */
        public Keys keys() {
            return new Keys(KeyDigest.of("account", account()), KeyDigest.of("client", client),
                    device == null ? null : KeyDigest.of("device", device));
        }
    }

    static final int PRUNE_ABOVE = 50_000;

    private final Limits limits;
    private final Clock clock;
    private final Peers peers;
    private final Map<String, FailureStreak> accounts = new ConcurrentHashMap<>();
    private final Map<String, FailureStreak> devices = new ConcurrentHashMap<>();
    private final Map<String, FailureWindow> addresses = new ConcurrentHashMap<>();

    public LoginRateLimiter(Limits limits, Clock clock) {
        this(limits, clock, Peers.NONE);
    }

    public LoginRateLimiter(Limits limits, Clock clock, Peers peers) {
        this.limits = limits;
        this.clock = clock;
        this.peers = peers;
    }

    /** How long this attempt must wait before the password is even checked; empty when it may go ahead. */
    public Optional<Duration> refusal(Attempt attempt) {
        Keys keys = attempt.keys();
        Instant now = clock.instant();
        if (trustedDevice(keys, now)) {
            return Optional.empty();
        }
        Duration account = wait(accounts.get(keys.account()), limits.accountFreeFailures(), now);
        FailureWindow window = addresses.get(keys.client());
        Duration address = window == null ? Duration.ZERO : window.wait(now, limits.addressFailures(), limits.addressWindow());
        Duration longer = account.compareTo(address) >= 0 ? account : address;
        return longer.isPositive() ? Optional.of(longer) : Optional.empty();
    }

    /** Counts a wrong username or password, here and on the other nodes. */
    public void failed(Attempt attempt) {
        Keys keys = attempt.keys();
        failedElsewhere(keys);
        peers.failed(keys);
    }

    /** Ends the back-off of the path this attempt took, here and on the other nodes. */
    public void succeeded(Attempt attempt) {
        Keys keys = attempt.keys();
        succeededElsewhere(keys);
        peers.succeeded(keys);
    }

    /** Counts a failure another node saw, as if it had happened here. */
    public void failedElsewhere(Keys keys) {
        Instant now = clock.instant();
        prune(now);
        if (trustedDevice(keys, now)) {
            devices.computeIfAbsent(keys.device(), k -> new FailureStreak()).fail(now, limits.streakMemory());
            return;
        }
        accounts.computeIfAbsent(keys.account(), k -> new FailureStreak()).fail(now, limits.streakMemory());
        addresses.computeIfAbsent(keys.client(), k -> new FailureWindow())
                .fail(now, limits.addressFailures(), limits.addressWindow());
    }

    /** Ends a back-off after a success another node saw. */
    public void succeededElsewhere(Keys keys) {
        if (trustedDevice(keys, clock.instant())) {
            devices.remove(keys.device());
        } else {
            accounts.remove(keys.account());
        }
    }

    /** A browser the member has signed in from, and that has not itself failed too often. */
    private boolean trustedDevice(Keys keys, Instant now) {
        return keys.device() != null
                && !wait(devices.get(keys.device()), limits.deviceFreeFailures(), now).isPositive();
    }

    private Duration wait(FailureStreak streak, int free, Instant now) {
        return streak == null ? Duration.ZERO
                : streak.wait(now, free, limits.firstWait(), limits.longestWait(), limits.streakMemory());
    }

    /**
     * Bounds the memory many names or addresses can take. Above {@link #PRUNE_ABOVE} entries, first what is
     * forgotten anyway goes, then, if that is not enough (a spray over very many names or addresses), whatever holds
     * nobody back: an account or browser still within its free failures, an address below its limit now. Streaks
     * that have earned a back-off stay, so spraying does not reset them.
     */
    private void prune(Instant now) {
        prune(accounts, s -> s.forgotten(now, limits.streakMemory()), s -> s.fewerThan(limits.accountFreeFailures()));
        prune(devices, s -> s.forgotten(now, limits.streakMemory()), s -> s.fewerThan(limits.deviceFreeFailures()));
        prune(addresses, w -> w.empty(now, limits.addressWindow()),
                w -> !w.wait(now, limits.addressFailures(), limits.addressWindow()).isPositive());
    }

    /** How many accounts, browsers and addresses are tracked (for tests of the memory bound). */
    int tracked() {
        return accounts.size() + devices.size() + addresses.size();
    }

    private static <T> void prune(Map<String, T> map, Predicate<T> forgotten, Predicate<T> idle) {
        if (map.size() > PRUNE_ABOVE) {
            map.values().removeIf(forgotten);
        }
        if (map.size() > PRUNE_ABOVE) {
            map.values().removeIf(idle);
        }
    }
}
