package org.praxis.domain.identity;

import java.util.Locale;
import java.util.Optional;

/** What a member may do beyond their own data (ID4). Ordered: each role can do what the ones before it can. */
public enum Role {
    LEARNER, AUTHOR, ADMIN;

    /** The name used in the API, the database and the command line: {@code learner}, {@code author}, {@code admin}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Authors and admins write and publish content and see drafts (ID5). */
    public boolean mayAuthor() {
        return this == AUTHOR || this == ADMIN;
    }

    /** Only admins grant roles and premium. */
    public boolean mayAdminister() {
        return this == ADMIN;
    }
}
