package io.firstcontact.server;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.desktop.staff.Argon2Passwords;
import java.util.Map;

/** Members of staff in a test server's configuration, and their sign-in in Chromium. */
final class Staff {
    private Staff() {}

    /** One of {@code desktop.staff.users}: a supervisor, or with {@code agentId} an advisor. */
    static Map<String, Object> user(String username, String name, String password, String role, String agentId) {
        Map<String, Object> user = new java.util.LinkedHashMap<>();
        user.put("username", username);
        user.put("name", name);
        user.put("passwordHash", Argon2Passwords.hash(password));
        user.put("roles", java.util.List.of(role));
        if (agentId != null) {
            user.put("agentId", agentId);
        }
        return user;
    }

    /** {@code page} opens {@code url}, is sent to the sign-in page, signs in and comes back to {@code url}. */
    static Page signIn(Page page, String url, String username, String password) {
        page.navigate(url);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForURL(url);
        return page;
    }
}
