package org.weft.server.ui.auth;

import java.net.InetAddress;
import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;
import org.weft.server.config.IpAddresses;
import org.weft.server.config.TrustedProxies;

/**
 * What the login form needs besides the password check: who is trying (the client's address, through trusted
 * proxies, and whether this browser is known for the member named), the limiter that decides whether they may try
 * now, and the device cookies to set after a success.
 */
public final class LoginGuard {
    private final LoginRateLimiter limiter;
    private final LoginDevices devices;
    private final TrustedProxies proxies;

    public LoginGuard(LoginRateLimiter limiter, LoginDevices devices, TrustedProxies proxies) {
        this.limiter = limiter;
        this.devices = devices;
        this.proxies = proxies;
    }

    /** The attempt a login form represents, before its password is checked. */
    public LoginRateLimiter.Attempt attempt(ServerRequest req, String username) {
        InetAddress client = proxies.clientAddress(req);
        String key = client == null ? "unknown" : IpAddresses.clientKey(client);
        String device = devices.known(deviceCookie(req), username).orElse(null);
        return new LoginRateLimiter.Attempt(key, username, device);
    }

    public LoginRateLimiter limiter() {
        return limiter;
    }

    /** Records a successful login from this browser; returns the secret for its device cookie. */
    public String remember(ServerRequest req, long memberId) {
        return devices.remember(deviceCookie(req), memberId);
    }

    private static Optional<String> deviceCookie(ServerRequest req) {
        return SessionCookies.read(req, SessionCookies.DEVICE);
    }
}
