package org.renkou.core.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed (addresses and CIDR blocks), and the walk through
 * that header. Addresses are IP literals only: a host name, a port, a zone or anything else is not an address
 * here, so nothing ever asks DNS.
 */
final class TrustedProxies {
    /** Trusts nobody: {@code X-Forwarded-For} is ignored. */
    static final TrustedProxies NONE = new TrustedProxies(List.of(), "none");
    /** More hops than any real chain of proxies: a longer header is read this far from the right. */
    static final int MAX_HOPS = 32;

    /** One address or block: the first {@code bits} bits of {@code network}. */
    private record Block(byte[] network, int bits) {
        boolean contains(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (a[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Block> blocks;
    private final String text;

    private TrustedProxies(List<Block> blocks, String text) {
        this.blocks = blocks;
        this.text = text;
    }

    /**
     * The proxies of a comma- or space-separated list ({@code 127.0.0.1,10.0.0.0/8,fd00::/8}); an entry that is not
     * an IP literal or block is reported to {@code bad} and left out (trusting less is the safe side).
     */
    static TrustedProxies parse(String list, Consumer<String> bad) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String entry : list.strip().split("[,\\s]+")) {
            Block b = block(entry);
            if (b == null) {
                bad.accept(entry);
            } else {
                blocks.add(b);
                kept.add(entry);
            }
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(List.copyOf(blocks), String.join(",", kept));
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        byte[] a = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (a == null) {
            return null;
        }
        int bits = a.length * 8;
        if (slash >= 0) {
            String p = entry.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            bits = Integer.parseInt(p);
            if (bits > a.length * 8) {
                return null;
            }
        }
        return new Block(a, bits);
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    boolean trusts(byte[] address) {
        for (Block b : blocks) {
            if (b.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address: {@code peer} unless it is trusted; then the {@code X-Forwarded-For} entries (all lines,
     * comma lists) from the right, trusted ones skipped, the first untrusted one answered in canonical form. A
     * malformed entry ends the walk: the last good address answers (the rest of the header came from before it, and
     * nothing a trusted proxy did not write is believed).
     */
    String clientAddress(String peer, Enumeration<String> forwardedFor) {
        if (blocks.isEmpty() || forwardedFor == null) {
            return peer;
        }
        byte[] p = literal(peer);
        if (p == null || !trusts(p)) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        for (String line : Collections.list(forwardedFor)) {
            if (line != null) {
                Collections.addAll(entries, line.split(",", -1));
            }
        }
        String last = peer;
        for (int i = entries.size() - 1, hops = 0; i >= 0 && hops < MAX_HOPS; i--, hops++) {
            byte[] a = literal(entries.get(i).strip());
            if (a == null) {
                return last;
            }
            last = canonical(a);
            if (!trusts(a)) {
                return last;
            }
        }
        return last; // every hop a trusted proxy (a client inside the proxies' network)
    }

    /**
     * The bytes of an IPv4 or IPv6 literal ({@code [::1]} too; an IPv4-mapped IPv6 address as IPv4), or null for
     * anything else: host names, ports, zones, octal-looking parts, empty. IPv4 is parsed here; IPv6 goes to
     * {@link InetAddress} only when it holds nothing but hex digits, colons and dots, and in brackets, which makes
     * {@code getByName} parse it as a literal or fail: it never resolves a bracketed name.
     */
    static byte[] literal(String s) {
        if (s == null || s.isEmpty() || s.length() > 45 + 2) {
            return null;
        }
        if (s.charAt(0) == '[') {
            if (s.charAt(s.length() - 1) != ']') {
                return null;
            }
            s = s.substring(1, s.length() - 1);
            if (s.indexOf(':') < 0) {
                return null;
            }
        }
        if (s.indexOf(':') < 0) {
            return ipv4(s);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0 && c < 128)) {
                return null;
            }
        }
        try {
            return InetAddress.getByName("[" + s + "]").getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String s) {
        byte[] a = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i == s.length() ? '.' : s.charAt(i);
            if (c == '.') {
                if (value < 0 || part == 4) {
                    return null;
                }
                a[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3 && value != 0) {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? a : null;
    }

    /** The usual spelling: dotted quad, or IPv6 as {@link InetAddress#getHostAddress()} writes it. */
    static String canonical(byte[] a) {
        try {
            InetAddress address = InetAddress.getByAddress(a);
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // 4 or 16 bytes from literal(): cannot happen
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
