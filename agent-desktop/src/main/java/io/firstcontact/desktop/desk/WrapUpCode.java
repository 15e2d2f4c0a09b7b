package io.firstcontact.desktop.desk;

import io.firstcontact.router.api.model.Ids;

/**
 * A wrap-up code an advisor may record, configured by administrators.
 *
 * @param id what is journaled ({@code resolved})
 * @param label what the advisor reads ({@code Resolved first time})
 */
public record WrapUpCode(String id, String label) {
    public WrapUpCode {
        Ids.require(id, "wrap-up code id");
        label = label == null || label.isBlank() ? id : label.strip();
    }
}
