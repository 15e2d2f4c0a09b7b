package io.firstcontact.router.engine.config;

import io.firstcontact.router.engine.model.AttributeClass;
import io.firstcontact.router.engine.model.Ids;
import java.util.Objects;

/** Classifies an attribute name. Attributes not defined are treated as PERSONAL. */
public record AttributeDefinition(String name, AttributeClass classification) {
    public AttributeDefinition {
        Ids.require(name, "attribute name");
        Objects.requireNonNull(classification, "classification");
    }
}
