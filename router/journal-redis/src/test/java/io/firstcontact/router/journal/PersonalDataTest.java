package io.firstcontact.router.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/routing-contract.md §1: PERSONAL attributes are never journaled in clear. */
class PersonalDataTest {
    static final String NAME = "Siân Ó Dálaigh";
    static final String UPRN = "100021234567";

    /** reason ROUTING, account DISPLAY, name PERSONAL, uprn not defined (so personal too). */
    static final Attributes ATTRIBUTES =
            Attributes.of("reason", "council tax", "account", "A-1", "name", NAME, "uprn", UPRN);

    static JournalEntry entry() {
        EngineInput in = new EngineInput(
                2,
                8,
                1_700_000_000_000L,
                "api",
                null,
                new Command.CreateInteraction(
                        "i1",
                        "voice",
                        Direction.INBOUND,
                        "call-1",
                        null,
                        "cust-1",
                        ATTRIBUTES,
                        QueueRequest.to("general")));
        return JournalEntry.of(in, new Decision(8, List.of(), List.of(), Decision.NO_DEADLINE));
    }

    static JournalCodec following(byte[] key) {
        PersonalData personal = PersonalData.withKey(key);
        personal.follow(Samples.fullConfig());
        return new JournalCodec(personal);
    }

    static String sealedValueOf(String json, String attribute) {
        Matcher m = Pattern.compile("\\{\"name\":\"" + attribute + "\",\"sealed\":\"(v1:[^\"]+)\"}")
                .matcher(json);
        assertThat(m.find()).as("attribute " + attribute + " sealed in " + json).isTrue();
        return m.group(1);
    }

    @Test
    void routing_and_display_attributes_are_in_clear_the_others_sealed_and_all_read_back() {
        JournalCodec codec = following(TestCodecs.KEY);
        byte[] bytes = codec.encodeEntry(entry());
        String json = new String(bytes, UTF_8);

        assertThat(json)
                .contains("{\"name\":\"reason\",\"value\":\"council tax\"}", "{\"name\":\"account\",\"value\":\"A-1\"}")
                .doesNotContain(NAME, UPRN, "Siân");
        sealedValueOf(json, "name");
        sealedValueOf(json, "uprn");
        assertThat(codec.decodeEntry(bytes)).isEqualTo(entry());
    }

    @Test
    void every_seal_is_new_and_names_the_key() {
        JournalCodec codec = following(TestCodecs.KEY);
        String first = sealedValueOf(new String(codec.encodeEntry(entry()), UTF_8), "name");
        String second = sealedValueOf(new String(codec.encodeEntry(entry()), UTF_8), "name");
        assertThat(first).isNotEqualTo(second); // equal values cannot be linked through the journal
        assertThat(codec.personal().keyId()).hasSize(8);
        assertThat(PersonalData.withKey(TestCodecs.key(8)).keyId())
                .isNotEqualTo(codec.personal().keyId());
    }

    @Test
    void a_journal_read_with_another_key_is_refused_naming_both_keys_and_no_value() {
        byte[] bytes = following(TestCodecs.KEY).encodeEntry(entry());
        JournalCodec other = following(TestCodecs.key(8));

        assertThatThrownBy(() -> other.decodeEntry(bytes))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("journal entry 2-8: attribute name is sealed with journal key "
                        + following(TestCodecs.KEY).personal().keyId())
                .hasMessageContaining("not with this one (" + other.personal().keyId() + ")")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(NAME, UPRN))
                .satisfies(e -> assertThat(((JournalFormatException) e).field())
                        .isEqualTo("entry.input.command.attributes.entries[2]"));
    }

    @Test
    void after_a_rotation_the_new_key_seals_and_the_previous_one_still_opens() {
        byte[] old = TestCodecs.KEY;
        byte[] fresh = TestCodecs.key(9);
        byte[] before = following(old).encodeEntry(entry());

        PersonalData rotated = PersonalData.withKeys(fresh, List.of(old));
        rotated.follow(Samples.fullConfig());
        JournalCodec codec = new JournalCodec(rotated);
        assertThat(rotated.openingKeyIds())
                .containsExactly(rotated.keyId(), PersonalData.withKey(old).keyId());
        assertThat(codec.decodeEntry(before)).isEqualTo(entry());

        byte[] after = codec.encodeEntry(entry());
        assertThat(codec.decodeEntry(after)).isEqualTo(entry());
        assertThatThrownBy(() -> following(old).decodeEntry(after))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("is sealed with journal key " + rotated.keyId());
        // A third key is named against all the keys given.
        assertThatThrownBy(() -> codec.decodeEntry(following(TestCodecs.key(8)).encodeEntry(entry())))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("not with any of these (" + rotated.keyId() + ", ");
    }

    @Test
    void an_altered_sealed_value_or_one_moved_to_another_attribute_is_refused() {
        JournalCodec codec = following(TestCodecs.KEY);
        String json = new String(codec.encodeEntry(entry()), UTF_8);
        String sealed = sealedValueOf(json, "name");
        // A character inside the ciphertext (the last one may carry only padding bits, which decoding ignores).
        int at = sealed.length() - 8;
        char c = sealed.charAt(at);
        String altered =
                json.replace(sealed, sealed.substring(0, at) + (c == 'A' ? 'B' : 'A') + sealed.substring(at + 1));
        assertThatThrownBy(() -> codec.decodeEntry(altered.getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("the sealed value of attribute name does not verify");

        // The uprn's seal put on the name: the name is the seal's associated data.
        String moved = json.replace(sealed, sealedValueOf(json, "uprn"));
        assertThatThrownBy(() -> codec.decodeEntry(moved.getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void without_a_key_personal_values_are_refused_on_writing_and_sealed_ones_on_reading() {
        assertThatThrownBy(() -> new JournalCodec().encodeEntry(entry()))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("journal entry 2-8: attribute reason is personal data and no journal key is set")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("council tax"));

        byte[] sealed = following(TestCodecs.KEY).encodeEntry(entry());
        assertThatThrownBy(() -> new JournalCodec().decodeEntry(sealed))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("attribute name is sealed with journal key")
                .hasMessageContaining("no journal key is set");
    }

    @Test
    void an_attribute_with_both_forms_or_neither_is_refused() {
        JournalCodec codec = following(TestCodecs.KEY);
        String json = new String(codec.encodeEntry(entry()), UTF_8);
        String both = json.replace(
                "{\"name\":\"reason\",\"value\":\"council tax\"}",
                "{\"name\":\"reason\",\"value\":\"council tax\",\"sealed\":\"v1:AAAA\"}");
        assertThatThrownBy(() -> codec.decodeEntry(both.getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("missing property");
        String neither = json.replace("{\"name\":\"reason\",\"value\":\"council tax\"}", "{\"name\":\"reason\"}");
        assertThatThrownBy(() -> codec.decodeEntry(neither.getBytes(UTF_8))).isInstanceOf(JournalFormatException.class);
        String unknown = json.replace("\"value\":\"council tax\"", "\"value\":\"council tax\",\"other\":\"x\"");
        assertThatThrownBy(() -> codec.decodeEntry(unknown.getBytes(UTF_8)))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("unknown property");
    }

    @Test
    void a_snapshot_is_classified_by_the_configuration_it_holds() {
        RoutingEngine engine = RoutingEngine.create();
        engine.apply(new EngineInput(1, 1, 1_000, "api", null, new Command.ConfigureRouting(Samples.fullConfig())));
        engine.apply(new EngineInput(1, 2, 2_000, "api", null, entry().input().command()));
        EngineSnapshot snapshot = engine.snapshot();

        // The codec itself has followed no configuration: it would seal everything.
        JournalCodec codec = TestCodecs.keyed();
        byte[] bytes = codec.encodeSnapshot(snapshot);
        String json = new String(bytes, UTF_8);
        assertThat(json)
                .contains("{\"name\":\"reason\",\"value\":\"council tax\"}")
                .doesNotContain(NAME, UPRN);
        assertThat(codec.decodeSnapshot(bytes)).isEqualTo(snapshot);
    }
}
