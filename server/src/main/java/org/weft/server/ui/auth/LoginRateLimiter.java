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
 * forgets the counts, which costs little, and a table would turn every failed login into a write.
 */
public final class LoginRateLimiter {
    /** The numbers of the rules above. */
    public record Limits(int accountFreeFailures, int deviceFreeFailures, Duration firstWait, Duration longestWait,
                         Duration streakMemory, int addressFailures, Duration addressWindow) {
        public static final Limits DEFAULT = new Limits(5, 10, Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofDays(1), 20, Duration.ofMinutes(15));
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
    }

    static final int PRUNE_ABOVE = 50_000;

    private final Limits limits;
    private final Clock clock;
    private final Map<String, FailureStreak> accounts = new ConcurrentHashMap<>();
    private final Map<String, FailureStreak> devices = new ConcurrentHashMap<>();
    private final Map<String, FailureWindow> addresses = new ConcurrentHashMap<>();

    public LoginRateLimiter(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long this attempt must wait before the password is even checked; empty when it may go ahead. */
    public Optional<Duration> refusal(Attempt attempt) {
        Instant now = clock.instant();
        if (trustedDevice(attempt, now)) {
            return Optional.empty();
        }
        Duration account = wait(accounts.get(attempt.account()), limits.accountFreeFailures(), now);
        FailureWindow window = addresses.get(attempt.client());
        Duration address = window == null ? Duration.ZERO : window.wait(now, limits.addressFailures(), limits.addressWindow());
        Duration longer = account.compareTo(address) >= 0 ? account : address;
        return longer.isPositive() ? Optional.of(longer) : Optional.empty();
    }

    /** Counts a wrong username or password. */
    public void failed(Attempt attempt) {
        Instant now = clock.instant();
        prune(now);
        if (trustedDevice(attempt, now)) {
            devices.computeIfAbsent(attempt.device(), k -> new FailureStreak()).fail(now, limits.streakMemory());
            return;
        }
        accounts.computeIfAbsent(attempt.account(), k -> new FailureStreak()).fail(now, limits.streakMemory());
        addresses.computeIfAbsent(attempt.client(), k -> new FailureWindow())
                .fail(now, limits.addressFailures(), limits.addressWindow());
    }

    /** Ends the back-off of the path this attempt took. */
    public void succeeded(Attempt attempt) {
        if (trustedDevice(attempt, clock.instant())) {
            devices.remove(attempt.device());
        } else {
            accounts.remove(attempt.account());
        }
    }

    /** A browser the member has signed in from, and that has not itself failed too often. */
    private boolean trustedDevice(Attempt attempt, Instant now) {
        return attempt.device() != null
                && !wait(devices.get(attempt.device()), limits.deviceFreeFailures(), now).isPositive();
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
