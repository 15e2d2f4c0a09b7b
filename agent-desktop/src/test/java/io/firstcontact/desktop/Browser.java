package io.firstcontact.desktop;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java, as every browser test here uses it: never a downloaded browser
 * (a missing Chromium fails the test: install it with {@code apt-get install chromium}).
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium is missing: apt-get install -y chromium");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(FLAGS));
    }

    /** A fresh profile (no cookies), as a new person at a new computer. */
    public Page newPage() {
        BrowserContext context = browser.newContext(
                new NewContextOptions().setViewportSize(1400, 1000).setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        // What the page says goes to the test's output, so a failure can be read.
        page.onConsoleMessage(m -> System.out.println("[browser " + m.type() + "] " + m.text()));
        page.onPageError(e -> System.out.println("[browser page error] " + e));
        return page;
    }

    /** Closes every page and profile opened so far (their pages stop reconnecting to a centre that is gone). */
    public void closePages() {
        browser.contexts().forEach(BrowserContext::close);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
