package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.view.OfferView;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeskSecurityTest extends InTheBrowser {

    private Page readyDesk(String username) {
        Page page = signIn(username);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in ready"))
                .click();
        assertThat(page.locator("#presence")).containsText("Ready");
        return page;
    }

    @Test
    void scriptInACustomersNameAndAttributesIsShownAsText() {
        String evilName = "<img src=x onerror=\"window.__pwned=1\">Mallory";
        centre.accounts.add(
                TestAccounts.resident("cust-evil", evilName, false, CouncilTaxAccount.Billing.PAPER, List.of()));
        Page page = readyDesk("asha");

        centre.call("cust-evil", Attributes.of("service", "parking", "keyed", "<script>window.__pwned=2</script>"));

        assertThat(page.locator("article.offer .customer-name")).hasText(evilName);
        assertThat(page.locator("article.offer")).containsText("<script>window.__pwned=2</script>");
        assertThat(page.locator("article.offer img")).hasCount(0);
        assertThat(page.locator("article.offer script")).hasCount(0);
        assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
    }

    @Test
    void anAdvisorCannotOpenTheSupervisorsPages() {
        Page page = signIn("asha");

        Response r = page.navigate(centre.baseUrl() + "/supervisor/");

        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void anAdvisorNeitherSeesNorAcceptsAnotherAdvisorsOffer() {
        Page asha = readyDesk("asha");
        centre.submit(
                new Command.ChangePresence("adv-1", PresenceState.NOT_READY, "BREAK", Actor.agent("adv-1"), false));
        assertThat(asha.locator("#presence")).containsText("Not ready: BREAK");
        centre.submit(new Command.LogIn("adv-2", true, Actor.agent("adv-2")));

        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        OfferView bens = waitForOffer(call);
        assertThat(bens.agentId()).isEqualTo("adv-2");

        StaffClient client = new StaffClient(centre.baseUrl());
        client.signIn("asha", TestCentre.PASSWORD);
        var r = client.post("/desk/api/offers/" + bens.offerId() + "/accept", "{}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(asha.getByText("No offer ringing.")).isVisible();
        assertThat(centre.read(
                        () -> centre.view.offer(bens.offerId()).orElseThrow().live()))
                .isTrue();
    }

    private OfferView waitForOffer(String interactionId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            var o = centre.read(() -> centre.view.liveOffers().stream()
                    .filter(x -> x.interactionId().equals(interactionId))
                    .findFirst());
            if (o.isPresent()) {
                return o.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no offer for " + interactionId);
    }

    @Test
    void aRequestWithoutTheCsrfTokenOrFromAnotherSiteChangesNothing() {
        StaffClient client = new StaffClient(centre.baseUrl());
        client.signIn("asha", TestCentre.PASSWORD);
        String token = client.csrf;

        client.csrf = null;
        assertThat(client.post("/desk/api/login", "{\"ready\":true}").statusCode())
                .isEqualTo(403);
        client.csrf = "not-the-token";
        assertThat(client.post("/desk/api/login", "{\"ready\":true}").statusCode())
                .isEqualTo(403);
        client.csrf = token;
        var foreign = client.send(HttpRequest.newBuilder(URI.create(centre.baseUrl() + "/desk/api/login"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", token)
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ready\":true}"))
                .build());
        assertThat(foreign.statusCode()).isEqualTo(403);

        assertThat(centre.read(() -> centre.view.agent("adv-1").orElseThrow().presence()))
                .isEqualTo(PresenceState.LOGGED_OUT);
    }

    @Test
    void aFormOnAnotherSiteCannotActForASignedInAdvisor() throws Exception {
        Page page = signIn("asha");
        // Another site (another origin: another port) whose page posts to the desk as soon as it opens.
        String target = centre.baseUrl() + "/desk/api/login";
        HttpServer evil = centre.vertx
                .createHttpServer()
                .requestHandler(req -> req.response()
                        .putHeader("Content-Type", "text/html")
                        .end("<form id=f method=post action='" + target + "' enctype='text/plain'>"
                                + "<input name='{\"ready\":true, \"x\":\"' value='\"}'></form>"
                                + "<script>document.getElementById('f').submit()</script>"))
                .listen(0, "localhost")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        Response r = page.waitForResponse(
                resp -> resp.url().equals(target), () -> page.navigate("http://localhost:" + evil.actualPort() + "/"));

        assertThat(r.status()).isIn(401, 403);
        assertThat(centre.read(() -> centre.view.agent("adv-1").orElseThrow().presence()))
                .isEqualTo(PresenceState.LOGGED_OUT);
    }

    @Test
    void signingInIssuesANewSessionSoAPlantedOneIsWorthless() {
        StaffClient victim = new StaffClient(centre.baseUrl());
        victim.session();
        String planted = victim.sessionCookie();
        assertThat(planted).isNotNull();

        assertThat(victim.signIn("asha", TestCentre.PASSWORD)).isEqualTo(200);

        assertThat(victim.sessionCookie()).isNotEqualTo(planted);
        var attacker = centre.vertx.createHttpClient();
        int status = attacker.request(io.vertx.core.http.HttpMethod.GET, centre.port(), "127.0.0.1", "/desk/api/setup")
                .compose(req -> req.putHeader("Cookie", "fc_session=" + planted).send())
                .map(resp -> resp.statusCode())
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        assertThat(status).isEqualTo(401);
        assertThat(victim.get("/desk/api/setup").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsEveryOtherSessionOfThatPerson() {
        StaffClient laptop = new StaffClient(centre.baseUrl());
        StaffClient other = new StaffClient(centre.baseUrl());
        laptop.signIn("asha", TestCentre.PASSWORD);
        other.signIn("asha", TestCentre.PASSWORD);
        Page page = signIn("asha");

        assertThat(laptop.post("/auth/signout-everywhere", "{}").statusCode()).isEqualTo(204);

        assertThat(other.get("/desk/api/setup").statusCode()).isEqualTo(401);
        assertThat(laptop.get("/desk/api/setup").statusCode()).isEqualTo(401);
        page.waitForURL("**/signin**"); // its push connection was closed, and it went to sign in
    }

    @Test
    void repeatedWrongPasswordsLockTheUsernameEvenForTheRightOne() {
        StaffClient client = new StaffClient(centre.baseUrl());
        for (int i = 0; i < 5; i++) {
            assertThat(client.signIn("ben", "wrong password " + i)).isEqualTo(401);
        }

        assertThat(client.signIn("ben", TestCentre.PASSWORD)).isEqualTo(429);
        assertThat(new StaffClient(centre.baseUrl()).signIn("asha", TestCentre.PASSWORD))
                .isEqualTo(200);
    }
}
