package io.firstcontact.server;

import io.firstcontact.desktop.Browser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A browser test of the web chat: one Chromium for the class, a fresh {@link ChatCentre} for each test. */
abstract class ChatInTheBrowser {
    static Browser browser;

    @TempDir
    Path dataDir;

    ChatCentre centre;

    @BeforeAll
    static void launch() {
        browser = new Browser();
    }

    @AfterAll
    static void quit() {
        browser.close();
    }

    @BeforeEach
    void start() throws Exception {
        centre = new ChatCentre(browser, dataDir, configuration());
    }

    /** Further sections of the server's configuration ({@code email}); none by default. */
    Map<String, Object> configuration() {
        return Map.of();
    }

    @AfterEach
    void stop() {
        centre.close();
    }
}
