package org.renkou.core.api;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A citizen identity number (公民身份号码) checked against GB 11643-1999: 18 characters, a 6-digit address code,
 * the birth date {@code yyyyMMdd}, a 3-digit sequence (odd for men, even for women) and a check character
 * (ISO 7064 MOD 11-2, {@code X} for 10).
 *
 * @param number the 18 characters, upper case
 * @param birthDate the birth date encoded in it
 * @param sex from the sequence number's parity
 */
public record CitizenId(String number, LocalDate birthDate, Sex sex) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate EARLIEST = LocalDate.of(1890, 1, 1);

    /**
     * Parses and checks a number.
     *
     * @param field the input field to name in the error
     * @param today the date after which a birth date is impossible
     * @throws RenkouException INVALID with a sentence saying what is wrong (length, characters, date, check digit)
     */
    public static CitizenId parse(String raw, String field, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw RenkouException.invalid(field, "请填写身份证号码。", "The ID number is required.");
        }
        String n = raw.strip().toUpperCase();
        if (n.length() != 18) {
            throw RenkouException.invalid(field, "身份证号码应为 18 位，现为 " + n.length() + " 位。",
                    "An ID number has 18 characters; this one has " + n.length() + ".");
        }
        for (int i = 0; i < 17; i++) {
            if (n.charAt(i) < '0' || n.charAt(i) > '9') {
                throw RenkouException.invalid(field, "身份证号码前 17 位只能是数字。",
                        "The first 17 characters of an ID number must be digits.");
            }
        }
        char last = n.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw RenkouException.invalid(field, "身份证号码最后一位只能是数字或 X。",
                    "The last character of an ID number must be a digit or X.");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
                    Integer.parseInt(n.substring(12, 14)));
        } catch (DateTimeException e) {
            throw RenkouException.invalid(field, "身份证号码中的出生日期 " + n.substring(6, 14) + " 不存在。",
                    "The birth date " + n.substring(6, 14) + " in the ID number does not exist.");
        }
        if (birth.isAfter(today) || birth.isBefore(EARLIEST)) {
            throw RenkouException.invalid(field, "身份证号码中的出生日期 " + birth + " 不可能。",
                    "The birth date " + birth + " in the ID number is impossible.");
        }
        if (checkChar(n) != last) {
            throw RenkouException.invalid(field, "身份证号码校验位错误，请核对。",
                    "The check character of the ID number is wrong; please check the number.");
        }
        Sex sex = (n.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new CitizenId(n, birth, sex);
    }

    /** The check character for the first 17 digits of {@code n}. */
    public static char checkChar(CharSequence n) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (n.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The number with the middle hidden, for lists: {@code 440606********123X}. */
    public static String mask(String number) {
        if (number == null || number.length() < 10) {
            return number;
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }
}
