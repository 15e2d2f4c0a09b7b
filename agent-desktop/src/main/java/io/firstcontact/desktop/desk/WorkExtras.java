package io.firstcontact.desktop.desk;

import io.vertx.ext.web.Router;

/** Desk routes beyond routing's own commands (scripts, callbacks, click to call), mounted beside them. */
interface WorkExtras {
    WorkExtras NONE = (router, routes) -> {};

    void mount(Router router, DeskRoutes routes);
}
