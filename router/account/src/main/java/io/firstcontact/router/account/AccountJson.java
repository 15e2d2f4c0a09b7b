package io.firstcontact.router.account;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.firstcontact.router.api.account.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON form of accounts and of what is recorded back (docs/back-office.md): the records' own field names, enums
 * by name, dates as {@code 2026-11-02}, instants as RFC 3339 UTC with milliseconds ({@code 2026-11-24T09:30:00.000Z},
 * the API's form); every field is written, null when absent. One mapper for the demo residents file, the HTTP
 * connector and the cache's serialisation, so they can never disagree.
 *
 * <p>Reading accepts fields it does not know (a back office may send more than FirstContact reads) but never a value
 * the records refuse: the records validate themselves as they are built.
 */
public final class AccountJson {
    /** Thread-safe once built. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("instants-in-millis").addSerializer(Instant.class, new InstantInMillis()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private AccountJson() {}

    /** Always three fractional digits, as everywhere in the API (Jackson's default drops them when zero). */
    private static final class InstantInMillis extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        InstantInMillis() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(FORMAT.format(value));
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an account; an answer that is not one throws {@link IOException} (the records' refusals included). */
    public static Account readAccount(byte[] json) throws IOException {
        return MAPPER.readValue(json, Account.class);
    }
}
