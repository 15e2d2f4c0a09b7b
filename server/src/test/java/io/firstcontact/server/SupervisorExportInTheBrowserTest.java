package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.desktop.Browser;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A supervisor in the supervisor view picks the days and downloads the contacts as CSV: the API's own file. */
class SupervisorExportInTheBrowserTest extends ChatInTheBrowser {

    @Test
    void aSupervisorDownloadsTodaysContactsFromTheSupervisorView() throws Exception {
        TestServer s = centre.server;
        String today = today(s);
        String api = contactsOnceHandled(s, today);
        Page supervisor = exporting(today);

        Download file = supervisor.waitForDownload(() -> supervisor
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download contacts (CSV)"))
                .click());

        assertThat(file.failure()).isNull();
        assertThat(file.suggestedFilename()).isEqualTo("contacts-" + today + "-" + today + ".csv");
        assertThat(Files.readString(file.path())).isEqualTo(api).contains("COMPLETED");
        assertThat(Browser.axeViolations(supervisor)).isEmpty();
    }

    @Test
    void aSupervisorChoosesAChannelAndDownloadsOnlyItsContacts() throws Exception {
        TestServer s = centre.server;
        String today = today(s);
        String all = contactsOnceHandled(s, today);
        Page supervisor = exporting(today);
        supervisor.getByLabel("Channel to export").selectOption("chat");
        assertThat(supervisor.getByLabel("Queue to export").inputValue()).isEmpty(); // every queue

        Download file = supervisor.waitForDownload(() -> supervisor
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download contacts (CSV)"))
                .click());

        String chats = Files.readString(file.path());
        assertThat(chats)
                .isEqualTo(s.get(
                                "supervisor",
                                "/api/v1/statistics/export/contacts.csv?from=" + today + "&to=" + today
                                        + "&channel=chat")
                        .raw()
                        .body())
                .doesNotContain(",voice,");
        assertThat(all).contains(",voice,");
    }

    /** Sam at the supervisor view, today chosen as the first and the last day of the export. */
    private Page exporting(String today) {
        Page supervisor = centre.supervisor("sam");
        supervisor.getByLabel("First day").fill(today);
        supervisor.getByLabel("Last day").fill(today);
        return supervisor;
    }

    private static String today(TestServer s) throws Exception {
        return LocalDate.now(ZoneId.of(s.get("supervisor", "/api/v1/statistics/definition")
                        .json()
                        .path("zone")
                        .asText()))
                .toString();
    }

    /** A call of today answered and handled through the API; the API's contacts export once it holds it. */
    private static String contactsOnceHandled(TestServer s, String today) throws Exception {
        s.handledCall("export-browser:1");
        String path = "/api/v1/statistics/export/contacts.csv?from=" + today + "&to=" + today;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body;
        do {
            body = s.get("supervisor", path).raw().body();
        } while (!body.contains("COMPLETED") && System.nanoTime() < deadline);
        return body;
    }
}
