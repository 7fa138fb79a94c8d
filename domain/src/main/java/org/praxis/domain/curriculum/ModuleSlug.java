package org.praxis.domain.curriculum;

/** The stable, URL-safe name of a module. */
public record ModuleSlug(String value) implements Comparable<ModuleSlug> {
    public ModuleSlug {
        Slug.check("module", value);
    }

    @Override
    public int compareTo(ModuleSlug other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
