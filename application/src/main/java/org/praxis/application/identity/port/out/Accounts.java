package org.praxis.application.identity.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;

/** The users: who they are, their public profile and their role. Names and e-mails are unique regardless of case. */
public interface Accounts {

    /**
     * One user. {@code email} is empty only for users provisioned by an identity provider that gave none
     * (or gave one another account already uses).
     */
    record Account(LearnerId id, String username, Optional<String> email, String displayName, String timeZone,
            String avatarUrl, String bio, Role role, boolean premium, Optional<Instant> emailVerifiedAt, Instant createdAt) {
        public Account {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(timeZone, "timeZone");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(emailVerifiedAt, "emailVerifiedAt");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** The editable profile fields, all at once (null clears a field that may be empty). */
    record Profile(String displayName, String timeZone, String bio, String avatarUrl) {
        public Profile {
            Objects.requireNonNull(timeZone, "timeZone");
        }
    }

    /**
     * Adds a user. A name or e-mail taken meanwhile (a race the caller's check could not see) is a
     * {@link org.praxis.application.common.Conflict} with reason {@code username-taken} or {@code email-taken}.
     */
    void create(Account account);

    Optional<Account> byId(LearnerId id);

    Optional<Account> byUsername(String username);

    Optional<Account> byEmail(String email);

    /** By user name or e-mail, regardless of case. */
    Optional<Account> byLogin(String login);

    void updateProfile(LearnerId id, Profile profile, Instant at);

    void setRole(LearnerId id, Role role, Instant at);

    void setPremium(LearnerId id, boolean premium, Instant at);

    void markEmailVerified(LearnerId id, Instant at);

    long countWithRole(Role role);

    /** Deletes the user and, by cascade, every private row that belongs to them. */
    void delete(LearnerId id);
}
