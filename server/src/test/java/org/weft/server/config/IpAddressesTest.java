package org.weft.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class IpAddressesTest {
    @Test
    void literalsAreRead() {
        assertEquals("192.0.2.1", IpAddresses.parse("192.0.2.1").orElseThrow().getHostAddress());
        assertEquals("192.0.2.1", IpAddresses.parse(" 192.0.2.1 ").orElseThrow().getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:1", IpAddresses.parse("2001:db8::1").orElseThrow().getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", IpAddresses.parse("::1").orElseThrow().getHostAddress());
        assertEquals("192.0.2.7", IpAddresses.parse("::ffff:192.0.2.7").orElseThrow().getHostAddress(),
                "an IPv4-mapped address is the IPv4 address");
    }

    @Test
    void namesAndLegacyFormsAreNotAddresses() {
        for (String text : new String[] {"localhost", "example.org", "127.1", "1.2.3", "0x7f.0.0.1", "01.2.3.4",
                "256.1.1.1", "1.2.3.4.5", "unknown", "", "a:b", ":", "fe80::1%eth0", "[::1", ".:", "1.2.3.4/8",
                "deadbeef.example"}) {
            assertTrue(IpAddresses.parse(text).isEmpty(), text);
        }
        assertTrue(IpAddresses.parse(null).isEmpty());
        assertTrue(IpAddresses.parse("192.0.2.1:80").isEmpty(), "a bare literal has no port");
    }

    @Test
    void hopsMayCarryBracketsAndPorts() {
        assertEquals("192.0.2.1", IpAddresses.parseHop("192.0.2.1:4711").orElseThrow().getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:1", IpAddresses.parseHop("[2001:db8::1]:4711").orElseThrow().getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:1", IpAddresses.parseHop("[2001:db8::1]").orElseThrow().getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:1", IpAddresses.parseHop(" 2001:db8::1 ").orElseThrow().getHostAddress());
        for (String text : new String[] {"[2001:db8::1", "[2001:db8::1]x", "unknown", "_hidden", "host.example:80",
                "[example.org]:80"}) {
            assertTrue(IpAddresses.parseHop(text).isEmpty(), text);
        }
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() throws Exception {
        assertEquals("192.0.2.1", IpAddresses.clientKey(InetAddress.getByName("192.0.2.1")));
        String one = IpAddresses.clientKey(IpAddresses.parse("2001:db8:aa:bb::1").orElseThrow());
        String other = IpAddresses.clientKey(IpAddresses.parse("2001:db8:aa:bb:ffff:1:2:3").orElseThrow());
        assertEquals("2001:db8:aa:bb::/64", one);
        assertEquals(one, other, "addresses of one /64 are one client");
        assertTrue(!one.equals(IpAddresses.clientKey(IpAddresses.parse("2001:db8:aa:bc::1").orElseThrow())));
    }
}
