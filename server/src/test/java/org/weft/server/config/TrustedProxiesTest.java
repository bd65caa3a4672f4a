package org.weft.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private static final TrustedProxies PROXIES = TrustedProxies.parse(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8",
            "192.168.1.0/25"));

    private static InetAddress ip(String text) {
        return IpAddresses.parse(text).orElseThrow();
    }

    @Test
    void addressesAndRangesAreTrusted() {
        assertTrue(PROXIES.trusts(ip("127.0.0.1")));
        assertFalse(PROXIES.trusts(ip("127.0.0.2")), "a single address is a /32");
        assertTrue(PROXIES.trusts(ip("10.200.3.4")));
        assertFalse(PROXIES.trusts(ip("11.0.0.1")));
        assertTrue(PROXIES.trusts(ip("192.168.1.127")));
        assertFalse(PROXIES.trusts(ip("192.168.1.128")), "/25 ends at .127");
        assertTrue(PROXIES.trusts(ip("fd12:3456::1")));
        assertFalse(PROXIES.trusts(ip("fe80::1")));
        assertFalse(PROXIES.trusts(ip("::ffff:11.0.0.1")));
        assertTrue(PROXIES.trusts(ip("::ffff:10.0.0.1")), "an IPv4-mapped address matches its IPv4 range");
        assertFalse(TrustedProxies.none().trusts(ip("127.0.0.1")));
    }

    @Test
    void anEntryThatIsNotAnAddressOrRangeIsRefusedByName() {
        for (String bad : new String[] {"proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "127.0.0.1:80",
                "10.0.0.0/-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TrustedProxies.parse(List.of("127.0.0.1", bad)));
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("WEFT_TRUSTED_PROXIES"),
                    e.getMessage());
        }
    }

    @Test
    void theClientIsTheFirstUntrustedHopFromTheRight() {
        InetAddress proxy = ip("127.0.0.1");
        assertEquals(ip("203.0.113.9"), PROXIES.clientAddress(proxy, List.of("203.0.113.9")));
        // What the client wrote itself stands left of what the proxy appended, and is never used.
        assertEquals(ip("203.0.113.9"), PROXIES.clientAddress(proxy, List.of("198.51.100.1, 10.9.9.9, 203.0.113.9")));
        // Chains of trusted proxies are walked through, in one header or several.
        assertEquals(ip("203.0.113.9"), PROXIES.clientAddress(proxy, List.of("198.51.100.1, 203.0.113.9", "10.1.1.1")));
        assertEquals(ip("2001:db8::7"), PROXIES.clientAddress(proxy, List.of("[2001:db8::7]:51000, 10.1.1.1:443")));
        // Only trusted hops: the leftmost one is as far as anyone can tell.
        assertEquals(ip("10.1.1.1"), PROXIES.clientAddress(proxy, List.of("10.1.1.1, 10.2.2.2")));
        // No header: the proxy itself.
        assertEquals(proxy, PROXIES.clientAddress(proxy, List.of()));
        // A hop that is not an address ends the walk at the last one that was.
        assertEquals(ip("10.2.2.2"), PROXIES.clientAddress(proxy, List.of("203.0.113.9, unknown, 10.2.2.2")));
        assertEquals(proxy, PROXIES.clientAddress(proxy, List.of("not-an-address")));
    }
}
