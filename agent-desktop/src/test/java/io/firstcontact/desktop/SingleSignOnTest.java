package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.desktop.staff.StaffOptions;
import io.firstcontact.desktop.staff.StaffRole;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single sign-on against a real OpenID Connect provider started here (mock-oauth2-server: discovery, signing keys,
 * authorization and token endpoints over HTTP). The desktop discovers it, sends the browser there, exchanges the code
 * with PKCE and checks the ID token's signature, issuer and audience before mapping its claims to a role.
 */
class SingleSignOnTest {
    private static final String CLIENT = "firstcontact-desk";

    private MockOAuth2Server provider;
    private Browser browser;
    private TestCentre centre;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), 0);
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        browser.close();
        if (centre != null) {
            centre.close();
        }
        provider.shutdown();
    }

    private void centreTrusting(String issuerId) throws Exception {
        Path secret = Files.writeString(dir.resolve("client-secret"), "a-client-secret");
        // The callback address is this centre's own: its port is known only once it listens, so a proxy-style
        // public URL on a fixed free port would do as well; here the test reserves the port first.
        int port;
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        StaffOptions.Oidc oidc = new StaffOptions.Oidc(
                provider.issuerUrl(issuerId).toString(),
                CLIENT,
                secret,
                "http://127.0.0.1:" + port,
                "groups",
                Map.of("contact-centre-advisors", StaffRole.ADVISOR, "contact-centre-leads", StaffRole.SUPERVISOR),
                "agent_id",
                "name");
        DesktopOptions options = DesktopOptions.defaults()
                .withStaff(StaffOptions.NONE.withUsers(TestCentre.users()).withOidc(oidc));
        centre = new TestCentre(options, port);
    }

    private void nextSignInIs(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(
                new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of(CLIENT), claims, 3600));
    }

    @Test
    void anAdvisorSignsInThroughTheProviderAndLandsAtTheirDesk() throws Exception {
        centreTrusting("default");
        nextSignInIs(
                "b.okoro",
                Map.of(
                        "groups", List.of("staff", "contact-centre-advisors"),
                        "agent_id", "adv-2",
                        "name", "Ben Okoro",
                        "preferred_username", "b.okoro"));
        Page page = browser.newPage();
        page.navigate(centre.baseUrl() + "/signin");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with single sign-on"))
                .click();

        page.waitForURL("**/desk/");
        assertThat(page.locator("header.desk-bar")).containsText("Ben Okoro");
        assertThat(page.locator("header.desk-bar")).containsText("adv-2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in ready"))
                .click();
        assertThat(page.locator("#presence")).containsText("Ready");
    }

    @Test
    void someoneTheMappingGivesNoRoleIsRefused() throws Exception {
        centreTrusting("default");
        nextSignInIs("visitor", Map.of("groups", List.of("staff"), "preferred_username", "visitor"));
        Page page = browser.newPage();
        page.navigate(centre.baseUrl() + "/signin");

        var response = page.waitForResponse(
                r -> r.url().contains("/auth/oidc") && r.status() != 302 && r.status() != 303,
                () -> page.getByRole(
                                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with single sign-on"))
                        .click());

        assertThat(response.status()).isEqualTo(403);
        StaffClient client = new StaffClient(centre.baseUrl());
        assertThat(client.session().path("signedIn").asBoolean()).isFalse();
    }
}
