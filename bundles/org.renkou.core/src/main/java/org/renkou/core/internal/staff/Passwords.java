package org.renkou.core.internal.staff;

import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.renkou.core.api.RenkouException;

/**
 * Password hashing with bcrypt (Bouncy Castle's {@link OpenBSDBCrypt}, cost {@value #COST}: about 60 ms a check on
 * an office PC, slow enough to make guessing stolen hashes expensive) and the password rule.
 */
final class Passwords {
    static final int COST = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** Checked when the user is unknown, so that the answer takes as long as for a known one. */
    private static final String DUMMY = hash("renkou-dummy-password".toCharArray());

    private Passwords() {
    }

    static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password, salt, COST);
    }

    static boolean matches(String hash, char[] password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash == null ? DUMMY : hash, password) && hash != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A random password for a new account: 16 characters without look-alikes (0/O, 1/l/I). */
    static String random() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        // the rule wants a digit; make sure there is one
        b.setCharAt(RANDOM.nextInt(16), (char) ('2' + RANDOM.nextInt(8)));
        return b.toString();
    }

    /** The password rule: 8 to 72 characters (bcrypt's limit), a letter and a digit, not the username. */
    static void checkRule(String username, char[] password, String field) {
        String p = password == null ? "" : new String(password);
        boolean letter = p.chars().anyMatch(Character::isLetter);
        boolean digit = p.chars().anyMatch(Character::isDigit);
        if (p.length() < 8 || p.length() > 72 || !letter || !digit) {
            throw RenkouException.invalid(field, "密码须为 8 到 72 个字符，并同时包含字母和数字。",
                    "A password has 8 to 72 characters with at least one letter and one digit.");
        }
        if (p.equalsIgnoreCase(username)) {
            throw RenkouException.invalid(field, "密码不能与用户名相同。", "The password cannot be the username.");
        }
    }
}
