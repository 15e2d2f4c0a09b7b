package io.firstcontact.desktop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rows of the statistics' exports a manager's queue and channel filter keeps, and which filters are refused. */
class ExportFilterTest {
    private static final List<String> QUEUES = List.of("parking", "council-tax", "web-chat");
    private static final List<String> CHANNELS = List.of("voice", "chat", "email");

    private static ExportFilter filter(List<String> queue, List<String> channel) {
        return ExportFilter.of(queue, channel);
    }

    @Test
    void namesComeRepeatedOrSeparatedByCommas() {
        ExportFilter f = filter(List.of("parking, council-tax", "housing"), List.of("voice"));

        assertThat(f.queues()).containsExactly("council-tax", "housing", "parking");
        assertThat(f.channels()).containsExactly("voice");
    }

    @Test
    void noParametersKeepEveryRow() {
        ExportFilter f = filter(List.of(), List.of());

        assertThat(f).isEqualTo(ExportFilter.EVERYTHING);
        assertThat(f.keepsInterval("centre", "centre", null)).isTrue();
        assertThat(f.keepsContact("voice", null, null)).isTrue();
        assertThat(f.described()).isNull();
    }

    @Test
    void aQueueKeepsItsOwnIntervalsButNotItsChannelsNorTheCentres() {
        ExportFilter f = filter(List.of("parking"), List.of());

        assertThat(f.keepsInterval("queue", "parking", "voice")).isTrue();
        assertThat(f.keepsInterval("queue", "council-tax", "voice")).isFalse();
        assertThat(f.keepsInterval("channel", "voice", "voice")).isFalse();
        assertThat(f.keepsInterval("centre", "centre", null)).isFalse();
    }

    @Test
    void aChannelKeepsItsOwnIntervalsAndItsQueuesButNotTheCentres() {
        ExportFilter f = filter(List.of(), List.of("chat"));

        assertThat(f.keepsInterval("queue", "web-chat", "chat")).isTrue();
        assertThat(f.keepsInterval("channel", "chat", "chat")).isTrue();
        assertThat(f.keepsInterval("queue", "parking", "voice")).isFalse();
        assertThat(f.keepsInterval("channel", "voice", "voice")).isFalse();
        assertThat(f.keepsInterval("centre", "centre", null)).isFalse();
    }

    @Test
    void aQueueAndAChannelTogetherKeepOnlyTheQueuesOfThatChannel() {
        ExportFilter f = filter(List.of("parking", "web-chat"), List.of("chat"));

        assertThat(f.keepsInterval("queue", "web-chat", "chat")).isTrue();
        assertThat(f.keepsInterval("queue", "parking", "voice")).isFalse();
        assertThat(f.keepsInterval("channel", "chat", "chat")).isFalse();
    }

    @Test
    void aContactIsKeptByItsChannel() {
        ExportFilter f = filter(List.of(), List.of("chat", "email"));

        assertThat(f.keepsContact("chat", "web-chat", "web-chat")).isTrue();
        assertThat(f.keepsContact("email", null, null)).isTrue();
        assertThat(f.keepsContact("voice", "parking", "parking")).isFalse();
    }

    @Test
    void aContactTransferredBetweenQueuesIsKeptByItsFirstOrItsLastQueue() {
        ExportFilter parking = filter(List.of("parking"), List.of());
        ExportFilter councilTax = filter(List.of("council-tax"), List.of());
        ExportFilter housing = filter(List.of("housing"), List.of());

        assertThat(parking.keepsContact("voice", "parking", "council-tax")).isTrue();
        assertThat(councilTax.keepsContact("voice", "parking", "council-tax")).isTrue();
        assertThat(housing.keepsContact("voice", "parking", "council-tax")).isFalse();
    }

    @Test
    void aContactThatNeverQueuedIsNotKeptByAQueue() {
        ExportFilter f = filter(List.of("parking"), List.of());

        assertThat(f.keepsContact("voice", null, null)).isFalse();
    }

    @Test
    void aQueueTheConfigurationDoesNotHaveIsNamedBack() {
        ExportFilter f = filter(List.of("parking,parkin"), List.of());

        assertThatThrownBy(() -> f.requireKnown(QUEUES, CHANNELS))
                .isInstanceOfSatisfying(
                        ExportFilter.Invalid.class, e -> assertThat(e.field()).isEqualTo("queue"))
                .hasMessage("no queue named parkin in the routing configuration");
    }

    @Test
    void everyUnknownChannelIsNamedBack() {
        ExportFilter f = filter(List.of(), List.of("sms", "fax", "voice"));

        assertThatThrownBy(() -> f.requireKnown(QUEUES, CHANNELS))
                .isInstanceOfSatisfying(
                        ExportFilter.Invalid.class, e -> assertThat(e.field()).isEqualTo("channel"))
                .hasMessage("no channels named fax, sms in the routing configuration");
    }

    @Test
    void knownNamesPass() {
        filter(List.of("parking"), List.of("voice")).requireKnown(QUEUES, CHANNELS);
    }

    @Test
    void anEmptyNameIsRefused() {
        for (List<String> queue : List.of(List.of(""), List.of("parking,"), List.of("parking,,web-chat"))) {
            assertThatThrownBy(() -> filter(queue, List.of()))
                    .as(queue.toString())
                    .isInstanceOf(ExportFilter.Invalid.class)
                    .hasMessageContaining("queue names are ids");
        }
    }

    @Test
    void aNameWithSpacesInsideIsRefused() {
        assertThatThrownBy(() -> filter(List.of(), List.of("web chat")))
                .isInstanceOfSatisfying(
                        ExportFilter.Invalid.class, e -> assertThat(e.field()).isEqualTo("channel"));
    }

    @Test
    void aCardNumberIsRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> filter(List.of("4111111111111111"), List.of()))
                .isInstanceOf(ExportFilter.Invalid.class)
                .hasMessage("queue holds what looks like a card number; it is not taken")
                .message()
                .doesNotContain("4111");
    }

    @Test
    void tooManyNamesAreRefused() {
        String many = String.join(",", Collections.nCopies(ExportFilter.MAX_NAMES + 1, "q"));
        List<String> distinct = new java.util.ArrayList<>();
        for (int i = 0; i <= ExportFilter.MAX_NAMES; i++) {
            distinct.add("q" + i);
        }

        assertThat(filter(List.of(many), List.of()).queues()).containsExactly("q");
        assertThatThrownBy(() -> filter(distinct, List.of()))
                .isInstanceOf(ExportFilter.Invalid.class)
                .hasMessage("at most 100 queue names in one export");
    }

    @Test
    void theAuditTrailKeepsTheFilterInWords() {
        assertThat(filter(List.of("parking,council-tax"), List.of("voice")).described())
                .isEqualTo("queue council-tax parking, channel voice");
    }
}
