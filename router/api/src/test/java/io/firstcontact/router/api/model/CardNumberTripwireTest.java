package io.firstcontact.router.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the tripwire finds (card numbers however they are typed) and what it lets through (ordinary text). */
class CardNumberTripwireTest {
    /** Well-known test numbers of each length the schemes use. */
    static final List<String> TEST_CARDS = List.of(
            "4222222222222", // Visa, 13
            "30569309025904", // Diners, 14
            "378282246310005", // Amex, 15
            "4111111111111111", // Visa, 16
            "5555555555554444", // Mastercard, 16
            "6011111111111117", // Discover, 16
            withCheckDigit("601100099990001"), // 16
            withCheckDigit("6304000000000000"), // Maestro, 17
            withCheckDigit("63040000000000000"), // 18
            withCheckDigit("630400000000000000")); // 19

    /** {@code body} with the Luhn check digit appended. */
    static String withCheckDigit(String body) {
        for (int d = 0; d < 10; d++) {
            if (luhnValid(body + d)) {
                return body + d;
            }
        }
        throw new AssertionError();
    }

    static boolean luhnValid(String digits) {
        int[] values = digits.chars().map(c -> c - '0').toArray();
        return CardNumberTripwire.luhn(values, 0, values.length);
    }

    /** A Luhn-valid number of {@code length} digits drawn from {@code random}. */
    static String randomCard(SplittableRandom random, int length) {
        StringBuilder b = new StringBuilder();
        b.append(1 + random.nextInt(9));
        while (b.length() < length - 1) {
            b.append(random.nextInt(10));
        }
        return withCheckDigit(b.toString());
    }

    /** The digits in groups of four, joined by {@code separator}. */
    static String grouped(String digits, String separator) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < digits.length(); i += 4) {
            groups.add(digits.substring(i, Math.min(digits.length(), i + 4)));
        }
        return String.join(separator, groups);
    }

    /** The digits in another script: {@code zero} is that script's digit zero. */
    static String inScript(String digits, int zero) {
        StringBuilder b = new StringBuilder();
        digits.chars().forEach(c -> b.appendCodePoint(zero + (c - '0')));
        return b.toString();
    }

    static boolean trips(String text) {
        return CardNumberTripwire.containsCardNumber(text);
    }

    @Test
    void everyTestCardOfThirteenToNineteenDigitsIsFoundWrittenPlain() {
        for (String card : TEST_CARDS) {
            assertThat(luhnValid(card)).as(card).isTrue();
            assertThat(trips(card)).as(card).isTrue();
        }
        assertThat(TEST_CARDS.stream().map(String::length).distinct().sorted())
                .containsExactly(13, 14, 15, 16, 17, 18, 19);
    }

    @Test
    void cardsOfEveryLengthAreFoundWhateverSeparatesTheirGroups() {
        SplittableRandom random = new SplittableRandom(7812);
        List<String> separators = List.of(
                " ", "-", ".", "/", "_", "\\", "  ", " -", "\u00A0", "\u2009", "\u3000", "\u2013", "\u2014", "\u2010",
                "\u2212", "\uFF0D", "\uFF0E", "\uFF0F", "\uFF3F", "\t", "\n");
        for (int length = CardNumberTripwire.MIN_DIGITS; length <= CardNumberTripwire.MAX_DIGITS; length++) {
            for (int i = 0; i < 20; i++) {
                String card = randomCard(random, length);
                for (String separator : separators) {
                    String text = grouped(card, separator);
                    assertThat(trips(text)).as("[%s]", text).isTrue();
                }
            }
        }
    }

    @Test
    void cardsWrittenInUnicodeDigitsAreFound() {
        String card = "4111111111111111";
        assertThat(trips(inScript(card, 0xFF10))).as("fullwidth").isTrue();
        assertThat(trips(grouped(inScript(card, 0xFF10), "\u3000")))
                .as("fullwidth, ideographic spaces")
                .isTrue();
        assertThat(trips(inScript(card, 0x0660))).as("Arabic-Indic").isTrue();
        assertThat(trips(inScript(card, 0x06F0))).as("Extended Arabic-Indic").isTrue();
        assertThat(trips(inScript(card, 0x0966))).as("Devanagari").isTrue();
        assertThat(trips(inScript(card, 0x1D7CE))).as("mathematical bold").isTrue();
        assertThat(
                        trips(
                                "\u2074\u00B9\u00B9\u00B9 \u00B9\u00B9\u00B9\u00B9 \u00B9\u00B9\u00B9\u00B9 \u00B9\u00B9\u00B9\u00B9"))
                .as("superscripts")
                .isTrue();
        assertThat(trips("41１1 ١١١١-1111 𝟏𝟏𝟏𝟏")).as("scripts mixed").isTrue();
    }

    @Test
    void invisibleCharactersInsideACardNumberDoNotHideIt() {
        assertThat(trips("4111\u200B1111\u200B1111\u200B1111"))
                .as("zero-width spaces")
                .isTrue();
        assertThat(trips("4111\u00AD1111\u00AD1111\u00AD1111"))
                .as("soft hyphens")
                .isTrue();
        assertThat(trips("4\u20E3111 1111 1111 1111")).as("a combining keycap").isTrue();
        assertThat(trips("\uFEFF4111111111111111")).as("a byte-order mark").isTrue();
    }

    @Test
    void aCardNumberInsideTextOrBesideItsExpiryAndCodeIsFound() {
        assertThat(trips("my card is 4111 1111 1111 1111, thanks")).isTrue();
        assertThat(trips("card:4111-1111-1111-1111;exp")).isTrue();
        assertThat(trips("4111 1111 1111 1111 12/27 123"))
                .as("followed by expiry and CVV")
                .isTrue();
        assertThat(trips("0 4111 1111 1111 1111"))
                .as("after a stray digit group")
                .isTrue();
        assertThat(trips("99994111111111111111")).as("glued to other digits").isTrue();
        assertThat(trips("ref-3782-822463-10005")).as("Amex grouping 4-6-5").isTrue();
    }

    @Test
    void ordinaryTextIdsAndShortNumbersPass() {
        for (String text : List.of(
                "",
                "Mrs Jones called about her council tax bill",
                "council-tax",
                "int-5a1d0c7e-2b3f-4e8a-9c6d-7e8f9a0b1c2d",
                "pbx:1732440600.1",
                "o3-1042-17",
                "CT-3301",
                "£1,234.56 owed since 2024",
                "SW1A 1AA",
                "123456789012", // twelve digits: one too few
                "4111 1111 1111")) {
            assertThat(trips(text)).as("[%s]", text).isFalse();
        }
    }

    @Test
    void asteriskUniqueIdsPassHoweverLongTheirSequence() {
        for (int seq : new int[] {0, 7, 42, 100, 1042, 99_999, 1_234_567}) {
            for (long epoch = 1_795_390_369L; epoch < 1_795_390_369L + 500; epoch++) {
                String id = "pbx:" + epoch + "." + seq;
                assertThat(trips(id)).as(id).isFalse();
            }
        }
    }

    @Test
    void aCardTypedInAnOddGroupingIsFoundOnlyInGroupsACardUses() {
        assertThat(trips("3782 822463 10005")).as("4-6-5").isTrue();
        assertThat(trips("41111 11111 11111 1")).as("5-5-5-1").isTrue();
        assertThat(trips("4111111 111111111"))
                .as("a group longer than a card's")
                .isFalse();
    }

    @Test
    void uprnsPass() {
        for (String uprn : List.of("100023336956", "010033544614", "200003455212", "UPRN 100023336956")) {
            assertThat(trips(uprn)).as(uprn).isFalse();
        }
    }

    @Test
    void phoneNumbersPass() {
        for (String phone : List.of(
                "+44 20 7946 0958",
                "020 7946 0958",
                "+44 (0)20 7946 0958",
                "07700 900123",
                "+44 7700 900123",
                "0161 496 0000",
                "+1 212-555-0199",
                "tel:+441632960000",
                "020 7946 0958 / 07700 900123",
                "020 7946 0958 or 020 7946 0959",
                "020 7946 0958, 020 7946 0959")) {
            assertThat(trips(phone)).as(phone).isFalse();
        }
    }

    @Test
    void datesAndTimesPass() {
        for (String time : List.of(
                "2026-11-24",
                "24/11/2026",
                "24.11.2026",
                "2026-11-24T09:30:00Z",
                "2026-11-24T09:30:00.000Z",
                "2026-11-24T09:30:00.123456789+01:00",
                "2026-11-24 09:30:00",
                "24/11/2026 09:30",
                "from 24/11/2026 to 31/12/2026",
                "24/11/2026 - 31/12/2026",
                "1732440600123")) {
            assertThat(trips(time)).as(time).isFalse();
        }
    }

    @Test
    void aLuhnInvalidSixteenDigitNumberPasses() {
        assertThat(trips("4111111111111112")).isFalse();
        assertThat(trips("4111 1111 1111 1112")).isFalse();
    }

    @Test
    void digitsSeparatedByMoreThanTwoSeparatorsAreSeparateRuns() {
        assertThat(trips("411111 - 1111111111")).isFalse();
        assertThat(trips("411111 -1111111111")).isFalse(); // a group longer than a card's: not joined
        assertThat(trips("4111 - 1111 - 1111 - 1111")).isFalse();
        assertThat(trips("4111 -1111 -1111 -1111")).isTrue();
    }

    @Test
    void digitValuesCoverEveryDecimalDigitAndNoOtherNumber() {
        assertThat(CardNumberTripwire.digitValue('7')).isEqualTo(7);
        assertThat(CardNumberTripwire.digitValue('\uFF17')).isEqualTo(7);
        assertThat(CardNumberTripwire.digitValue('\u2467')).as("circled 8").isEqualTo(8);
        assertThat(CardNumberTripwire.digitValue('\u00BD')).as("one half").isEqualTo(-1);
        assertThat(CardNumberTripwire.digitValue('\u2469')).as("circled 10").isEqualTo(-1);
        assertThat(CardNumberTripwire.digitValue('\u2163')).as("roman four").isEqualTo(-1);
        assertThat(CardNumberTripwire.digitValue('a')).isEqualTo(-1);
    }
}
