package io.firstcontact.desktop;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.webjars.WebJarVersionLocator;

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
        return newPage(1400, 1000);
    }

    /** A fresh profile on a screen of this size (a phone's: 360 × 740). */
    public Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(
                new NewContextOptions().setViewportSize(width, height).setLocale("en-GB"));
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

    /**
     * The serious and critical violations axe-core (from its WebJar, served at {@code /lib/axe-core/}) finds on the page
     * as it is now, against WCAG 2.0, 2.1 and 2.2 A and AA.
     */
    @SuppressWarnings("unchecked")
    public static List<String> axeViolations(Page page) {
        // Served to the page from the WebJar on the test class path, whether or not the server under test mounts it.
        page.route(
                "**/lib/axe-core/axe.min.js",
                r -> r.fulfill(new Route.FulfillOptions()
                        .setContentType("text/javascript")
                        .setBodyBytes(axe())));
        page.addScriptTag(new Page.AddScriptTagOptions().setUrl("/lib/axe-core/axe.min.js"));
        return (List<String>) page.evaluate("""
                async () => {
                  const r = await axe.run(document, { runOnly: { type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
                  return r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '));
                }""");
    }

    private static byte[] axe() {
        String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        try (InputStream in =
                path == null ? null : Browser.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the axe-core WebJar is not on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
