package org.renkou.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private static final TrustedProxies PROXY = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8", bad -> {
        throw new AssertionError(bad);
    });

    private static Enumeration<String> lines(String... lines) {
        return Collections.enumeration(List.of(lines));
    }

    @Test
    void nothingTrustedByDefaultSoTheHeaderIsIgnored() {
        ForwardedForResolver none = new ForwardedForResolver("", p -> null);
        assertEquals("127.0.0.1", none.clientAddress("127.0.0.1", lines("203.0.113.9")));
        assertSame(TrustedProxies.NONE, TrustedProxies.parse(" ", bad -> { }));
        assertEquals("192.0.2.7", TrustedProxies.NONE.clientAddress("192.0.2.7", lines("203.0.113.9")));
    }

    @Test
    void configurationWinsOverTheFrameworkProperty() {
        Map<String, String> fw = Map.of(ForwardedForResolver.PROPERTY, "127.0.0.1");
        assertEquals("203.0.113.9", new ForwardedForResolver("", fw::get).clientAddress("127.0.0.1",
                lines("203.0.113.9")));
        assertEquals("127.0.0.1", new ForwardedForResolver("10.1.1.1", fw::get).clientAddress("127.0.0.1",
                lines("203.0.113.9")), "configured: only 10.1.1.1 is a proxy");
    }

    @Test
    void aTrustedPeerNamesTheClient() {
        assertEquals("203.0.113.9", PROXY.clientAddress("127.0.0.1", lines("203.0.113.9")));
        assertEquals("203.0.113.9", PROXY.clientAddress("10.20.30.40", lines(" 203.0.113.9 ")));
        assertEquals("127.0.0.1", PROXY.clientAddress("127.0.0.1", null), "no header: the proxy itself");
        assertEquals("127.0.0.1", PROXY.clientAddress("127.0.0.1", lines()));
    }

    @Test
    void anUntrustedPeerCannotSpoofItsAddress() {
        assertEquals("198.51.100.4", PROXY.clientAddress("198.51.100.4", lines("10.0.0.1")));
        assertEquals("198.51.100.4", PROXY.clientAddress("198.51.100.4", lines("1.2.3.4, 127.0.0.1")));
        assertEquals("11.0.0.1", PROXY.clientAddress("11.0.0.1", lines("1.2.3.4")), "just outside 10.0.0.0/8");
    }

    @Test
    void theRightmostUntrustedHopIsTheClientWhateverItSentBefore() {
        // the client sent "1.2.3.4" itself; the proxy appended the address it saw
        assertEquals("203.0.113.9", PROXY.clientAddress("127.0.0.1", lines("1.2.3.4, 203.0.113.9")));
        // two proxies: 10.0.0.5 in front of 127.0.0.1
        assertEquals("203.0.113.9", PROXY.clientAddress("127.0.0.1", lines("1.2.3.4, 203.0.113.9, 10.0.0.5")));
        // every hop trusted: the leftmost (a client inside the proxies' network)
        assertEquals("10.0.0.7", PROXY.clientAddress("127.0.0.1", lines("10.0.0.7,10.0.0.5")));
    }

    @Test
    void severalHeaderLinesAreOneList() {
        assertEquals("203.0.113.9", PROXY.clientAddress("127.0.0.1", lines("1.2.3.4", "203.0.113.9, 10.0.0.5")));
        assertEquals("203.0.113.9", PROXY.clientAddress("127.0.0.1", lines("1.2.3.4, 203.0.113.9", "10.0.0.5")));
        assertEquals("5.6.7.8", PROXY.clientAddress("127.0.0.1", lines("203.0.113.9", "5.6.7.8")));
    }

    @Test
    void ipv6() {
        TrustedProxies p = TrustedProxies.parse("::1,fd00::/8", bad -> {
            throw new AssertionError(bad);
        });
        assertEquals("2001:db8:0:0:0:0:0:1", p.clientAddress("0:0:0:0:0:0:0:1", lines("2001:db8::1")));
        assertEquals("2001:db8:0:0:0:0:0:1", p.clientAddress("[::1]", lines("[2001:DB8::1], fd12::3")));
        assertEquals("2001:db8::9", p.clientAddress("2001:db8::9", lines("1.2.3.4")), "not a trusted proxy");
        assertEquals("1.2.3.4", p.clientAddress("fd12::4", lines("1.2.3.4")), "inside fd00::/8");
        assertEquals("1.2.3.4", p.clientAddress("::1", lines("::ffff:1.2.3.4")), "IPv4-mapped: written as IPv4");
        assertEquals("203.0.113.9", PROXY.clientAddress("::ffff:127.0.0.1", lines("203.0.113.9")));
        assertEquals("2001:db8:0:0:0:0:0:2", PROXY.clientAddress("10.0.0.1", lines("2001:db8::2")));
    }

    @Test
    void cidrBlocks() {
        TrustedProxies p = TrustedProxies.parse("192.168.4.0/22 172.16.0.0/12,0.0.0.0/0x", bad -> { });
        assertTrue(p.trusts(new byte[] {(byte) 192, (byte) 168, 7, (byte) 255}));
        assertTrue(!p.trusts(new byte[] {(byte) 192, (byte) 168, 8, 0}));
        assertTrue(p.trusts(new byte[] {(byte) 172, 31, 1, 1}));
        assertTrue(!p.trusts(new byte[] {(byte) 172, 32, 1, 1}));
        assertTrue(!p.trusts(new byte[] {8, 8, 8, 8}), "0.0.0.0/0x is not a block: left out");
        assertTrue(TrustedProxies.parse("0.0.0.0/0", bad -> { }).trusts(new byte[] {8, 8, 8, 8}));
        List<String> bad = new ArrayList<>();
        TrustedProxies some = TrustedProxies.parse("proxy.local,10.0.0.0/33,::1/129,1.2.3.4/,127.0.0.1", bad::add);
        assertEquals(List.of("proxy.local", "10.0.0.0/33", "::1/129", "1.2.3.4/"), bad);
        assertEquals("127.0.0.1", some.toString());
    }

    @Test
    void garbageEndsTheWalkAtTheLastGoodAddress() {
        assertEquals("127.0.0.1", PROXY.clientAddress("127.0.0.1", lines("unknown")));
        assertEquals("127.0.0.1", PROXY.clientAddress("127.0.0.1", lines("1.2.3.4, evil.example")));
        assertEquals("10.0.0.5", PROXY.clientAddress("127.0.0.1", lines("1.2.3.4, _hidden, 10.0.0.5")));
        assertEquals("127.0.0.1", PROXY.clientAddress("127.0.0.1", lines("1.2.3.4,")), "an empty entry");
        assertEquals("127.0.0.1", PROXY.clientAddress("127.0.0.1", lines("1.2.3.4:5678")), "no ports");
        assertEquals("127.0.0.1", PROXY.clientAddress("127.0.0.1", lines("1.2.3.4, 300.1.1.1")));
        assertEquals("127.0.0.1", PROXY.clientAddress("127.0.0.1", lines("fe80::1%eth0")), "no zones");
        assertEquals("127.0.0.1", PROXY.clientAddress("127.0.0.1", lines("1::2::3")));
        assertEquals("127.0.0.1", PROXY.clientAddress("127.0.0.1", lines("\u0661.2.3.4")), "ASCII digits only");
        assertEquals("not-an-address", PROXY.clientAddress("not-an-address", lines("1.2.3.4")));
        assertEquals(null, PROXY.clientAddress(null, lines("1.2.3.4")));
    }

    @Test
    void aLongHeaderIsReadOnlyAsFarAsRealProxyChains() {
        StringBuilder h = new StringBuilder("203.0.113.9");
        for (int i = 0; i < 100; i++) {
            h.append(", 10.0.0.").append(i);
        }
        assertEquals("10.0.0." + (100 - TrustedProxies.MAX_HOPS),
                PROXY.clientAddress("127.0.0.1", lines(h.toString())));
    }

    @Test
    void literalsOnlyNeverNames() {
        assertArrayEquals(new byte[] {1, 2, 3, 4}, TrustedProxies.literal("1.2.3.4"));
        assertNull(TrustedProxies.literal("localhost"));
        assertNull(TrustedProxies.literal("01.2.3.4"), "octal-looking");
        assertNull(TrustedProxies.literal("1.2.3"));
        assertNull(TrustedProxies.literal("1.2.3.4.5"));
        assertNull(TrustedProxies.literal(".:1"));
        assertNull(TrustedProxies.literal("[1.2.3.4]"));
        assertNull(TrustedProxies.literal("[::1"));
        assertNull(TrustedProxies.literal("a:b:c:d:e:f:1:2:3"));
        assertNull(TrustedProxies.literal("cafe.babe"), "a name made of hex digits");
        assertEquals(16, TrustedProxies.literal("::").length);
        assertEquals("0.0.0.0", TrustedProxies.canonical(TrustedProxies.literal("0.0.0.0")));
    }
}
