package io.firstcontact.desktop;

import com.microsoft.playwright.Page;

/** Moving through a page with the keyboard alone, as a person who uses no mouse does. */
final class Keys {
    private Keys() {}

    /**
     * Presses Tab until the focused element's accessible name (its label, or its text) is {@code name}; fails if it
     * is not reached within {@code maxPresses}, so it proves the control is reachable by keyboard.
     */
    static void tabTo(Page page, String name, int maxPresses) {
        for (int i = 0; i < maxPresses; i++) {
            page.keyboard().press("Tab");
            if (name.equals(focusedName(page))) {
                return;
            }
        }
        throw new AssertionError(
                "'" + name + "' was not reached with " + maxPresses + " presses of Tab; last: " + focusedName(page));
    }

    static String focusedName(Page page) {
        return (String) page.evaluate("""
                () => {
                  const e = document.activeElement;
                  if (!e) return null;
                  if (e.labels && e.labels.length) return e.labels[0].textContent.trim().replace(/\\s+/g, ' ');
                  return (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' ');
                }""");
    }
}
