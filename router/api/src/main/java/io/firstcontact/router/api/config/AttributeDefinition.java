package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.AttributeClass;
import io.firstcontact.router.api.model.Ids;
import java.util.Objects;

/** Classifies an attribute name. Attributes not defined, and a definition without a classification, are PERSONAL. */
public record AttributeDefinition(String name, AttributeClass classification) {
    public static final AttributeClass DEFAULT_CLASSIFICATION = AttributeClass.PERSONAL;

    public AttributeDefinition {
        Ids.require(name, "attribute name");
        Objects.requireNonNull(classification, "classification");
    }
}
