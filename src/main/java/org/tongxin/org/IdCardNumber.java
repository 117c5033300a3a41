package org.tongxin.org;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** The 18-character resident ID number of GB 11643-1999: region, birth date, sequence and an ISO 7064 check character. */
public final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private IdCardNumber() {
    }

    /** The check character that the first 17 digits call for. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return false;
            }
        }
        return Character.toUpperCase(id.charAt(17)) == checkCharacter(id) && birthDate(id).isPresent();
    }

    public static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.parse(id.substring(6, 14), BIRTH));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The 17th digit is odd for men and even for women. */
    public static String gender(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }
}
