package io.firstcontact.router.account.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firstcontact.router.account.AccountJson;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped residents file is exactly what the seeded generator writes, and it holds the situations the demo must
 * show: shared houses, landlords with several properties, people who moved, and nobody real.
 *
 * <p>To regenerate it after changing the generator: {@code ./mvnw -pl router/account -am test
 * -Dtest=DemoResidentsFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dresidents.regenerate=true}.
 */
class DemoResidentsFileTest {
    private static final Path SOURCE = Path.of("src/main/resources" + DemoResidents.RESOURCE);
    private static final ResidentsFile FILE = DemoResidents.readShipped();

    @Test
    void theShippedFileIsWhatTheSeededGeneratorWrites() throws IOException {
        byte[] generated = write(ResidentsGenerator.generate());
        if (Boolean.getBoolean("residents.regenerate")) {
            Files.write(SOURCE, generated);
        }
        byte[] shipped;
        try (InputStream in = DemoResidents.class.getResourceAsStream(DemoResidents.RESOURCE)) {
            shipped = in.readAllBytes();
        }
        assertThat(new String(shipped, StandardCharsets.UTF_8))
                .as("regenerate with -Dresidents.regenerate=true (see the class comment)")
                .isEqualTo(new String(generated, StandardCharsets.UTF_8));
    }

    @Test
    void aFewThousandResidentsLiveInTheBorough() {
        assertThat(FILE.accounts()).hasSizeBetween(2_000, 5_000);
        assertThat(FILE.accounts().stream().map(Account::uprn).distinct().count())
                .isGreaterThan(1_000);
    }

    @Test
    void aSharedHousesUprnNamesItsLandlordWhoIsLiableForSeveralProperties() {
        Map<String, List<Account>> byHome = FILE.accounts().stream().collect(Collectors.groupingBy(Account::uprn));
        DemoResidents directory = new DemoResidents(FILE, FILE.asOf());
        String sharedHouse = byHome.entrySet().stream()
                .filter(e -> e.getValue().size() >= 3
                        && e.getValue().stream()
                                .allMatch(a -> a.homeCouncilTax().isEmpty()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        Account primary = find(directory, AccountKey.uprn(sharedHouse)).orElseThrow();
        assertThat(primary.uprn()).isNotEqualTo(sharedHouse); // the landlord lives elsewhere
        assertThat(primary.councilTax().stream().filter(CouncilTaxAccount::live))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(primary.online().servicesUsed()).contains("landlord-account");
    }

    @Test
    void someoneWhoMovedKeepsTheClosedAccountOfTheirOldHomeWhichNowNamesItsNewHousehold() {
        DemoResidents directory = new DemoResidents(FILE, FILE.asOf());
        Account moved = FILE.accounts().stream()
                .filter(a -> a.councilTax().stream().anyMatch(c -> !c.live()))
                .findFirst()
                .orElseThrow();
        CouncilTaxAccount old =
                moved.councilTax().stream().filter(c -> !c.live()).findFirst().orElseThrow();
        assertThat(old.uprn()).isNotEqualTo(moved.uprn());
        assertThat(moved.recentContacts()).anyMatch(c -> c.reason().equals("Council tax: moving home"));
        assertThat(find(directory, AccountKey.councilTax(old.reference())))
                .get()
                .extracting(Account::customerRef)
                .isEqualTo(moved.customerRef());
        Optional<Account> living = find(directory, AccountKey.uprn(old.uprn()));
        assertThat(living).get().extracting(Account::customerRef).isNotEqualTo(moved.customerRef());
    }

    @Test
    void nobodyRealCanBeCalledOrWrittenTo() {
        for (Account a : FILE.accounts()) {
            if (a.phone() != null) {
                assertThat(a.phone()).matches("\\+44(7700900|2079460|1632960)\\d{3}"); // Ofcom's drama numbers
            }
            if (a.email() != null) {
                assertThat(a.email()).matches(".+@example\\.(org|com|net)");
            }
        }
    }

    @Test
    void openCasesAndRecentContactsNameTheDemoCentresAdvisors() {
        Function<String, Boolean> demoAdvisor = id -> id.matches("adv-(0[1-9]|1\\d|2[0-4])");
        assertThat(FILE.accounts().stream()
                        .flatMap(a -> a.openServiceRequests().stream())
                        .filter(r -> r.ownerAdvisorId() != null))
                .isNotEmpty()
                .allMatch(r -> demoAdvisor.apply(r.ownerAdvisorId()));
        assertThat(FILE.accounts().stream()
                        .flatMap(a -> a.recentContacts().stream())
                        .filter(c -> c.advisorId() != null))
                .allMatch(c -> demoAdvisor.apply(c.advisorId()));
    }

    @Test
    void wheneverTheDemoRunsContactsAreInThePastAndNextStepsInTheFuture() {
        for (LocalDate today : List.of(
                FILE.asOf().minusDays(1),
                FILE.asOf(),
                FILE.asOf().plusDays(6),
                FILE.asOf().plusDays(100))) {
            List<Account> residents = new DemoResidents(FILE, today).residents();
            java.time.Instant midnight =
                    today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            assertThat(residents.stream().flatMap(a -> a.recentContacts().stream()))
                    .as("as of " + today)
                    .allMatch(c -> c.at().isBefore(midnight));
            assertThat(residents.stream()
                            .flatMap(a -> a.openServiceRequests().stream())
                            .filter(r -> r.nextStep() != null))
                    .as("as of " + today)
                    .allMatch(r -> r.nextStep().due().isAfter(today)
                            && r.nextStep().due().getDayOfWeek()
                                    == FILE.accounts().stream()
                                            .flatMap(a -> a.openServiceRequests().stream())
                                            .filter(o -> o.reference().equals(r.reference()))
                                            .findFirst()
                                            .orElseThrow()
                                            .nextStep()
                                            .due()
                                            .getDayOfWeek());
        }
    }

    /** One account per line, so that a change to the generator shows as a readable diff. */
    static byte[] write(ResidentsFile file) throws IOException {
        ObjectMapper compact = AccountJson.MAPPER
                .copy()
                .setDefaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY));
        StringBuilder s = new StringBuilder();
        s.append("{\"asOf\":\"").append(file.asOf()).append("\",\"accounts\":[\n");
        for (int i = 0; i < file.accounts().size(); i++) {
            s.append(compact.writeValueAsString(file.accounts().get(i)));
            s.append(i + 1 < file.accounts().size() ? ",\n" : "\n");
        }
        s.append("]}\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<Account> find(DemoResidents d, AccountKey key) {
        return d.find(key).toCompletableFuture().join();
    }
}
