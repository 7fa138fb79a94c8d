package org.praxis.application.identity.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.praxis.application.common.Conflict;
import org.praxis.application.identity.port.out.Accounts;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;

public final class InMemoryAccounts implements Accounts {
    private final Map<LearnerId, Account> rows = new LinkedHashMap<>();
    private final java.util.List<java.util.function.Consumer<LearnerId>> cascades = new java.util.ArrayList<>();

    /** What {@code on delete cascade} does in the database: the other fakes drop the user's rows. */
    public void cascadeTo(java.util.function.Consumer<LearnerId> forget) {
        cascades.add(forget);
    }

    @Override
    public synchronized void create(Account account) {
        if (byUsername(account.username()).isPresent()) {
            throw new Conflict("username-taken", "taken");
        }
        if (account.email().flatMap(this::byEmail).isPresent()) {
            throw new Conflict("email-taken", "taken");
        }
        rows.put(account.id(), account);
    }

    @Override
    public synchronized Optional<Account> byId(LearnerId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Optional<Account> byUsername(String username) {
        return rows.values().stream().filter(a -> lower(a.username()).equals(lower(username))).findFirst();
    }

    @Override
    public synchronized Optional<Account> byEmail(String email) {
        return rows.values().stream().filter(a -> a.email().map(InMemoryAccounts::lower).orElse("").equals(lower(email)))
                .findFirst();
    }

    @Override
    public synchronized Optional<Account> byLogin(String login) {
        return byUsername(login).or(() -> byEmail(login));
    }

    @Override
    public synchronized void updateProfile(LearnerId id, Profile p, Instant at) {
        var a = rows.get(id);
        rows.put(id, new Account(a.id(), a.username(), a.email(), p.displayName(), p.timeZone(), p.avatarUrl(), p.bio(),
                a.role(), a.premium(), a.emailVerifiedAt(), a.createdAt()));
    }

    @Override
    public synchronized void setRole(LearnerId id, Role role, Instant at) {
        var a = rows.get(id);
        rows.put(id, new Account(a.id(), a.username(), a.email(), a.displayName(), a.timeZone(), a.avatarUrl(), a.bio(),
                role, a.premium(), a.emailVerifiedAt(), a.createdAt()));
    }

    @Override
    public synchronized void setPremium(LearnerId id, boolean premium, Instant at) {
        var a = rows.get(id);
        rows.put(id, new Account(a.id(), a.username(), a.email(), a.displayName(), a.timeZone(), a.avatarUrl(), a.bio(),
                a.role(), premium, a.emailVerifiedAt(), a.createdAt()));
    }

    @Override
    public synchronized void markEmailVerified(LearnerId id, Instant at) {
        var a = rows.get(id);
        rows.put(id, new Account(a.id(), a.username(), a.email(), a.displayName(), a.timeZone(), a.avatarUrl(), a.bio(),
                a.role(), a.premium(), Optional.of(at), a.createdAt()));
    }

    @Override
    public synchronized long countWithRole(Role role) {
        return rows.values().stream().filter(a -> a.role() == role).count();
    }

    @Override
    public synchronized void delete(LearnerId id) {
        rows.remove(id);
        cascades.forEach(c -> c.accept(id));
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
