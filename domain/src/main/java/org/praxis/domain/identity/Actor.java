package org.praxis.domain.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is acting: every use case receives one and decides from it (ID5). Adapters only find out who is
 * calling; they never decide what that caller may do.
 */
public sealed interface Actor {

    /** Nobody signed in: may read public things and register or sign in. */
    record Anonymous() implements Actor {
    }

    /** A signed-in user. */
    record Member(LearnerId id, Role role, boolean premium) implements Actor {
        public Member {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * The operator at the command line or the service itself at start-up (creating the first admin).
     * Never the result of authenticating a request.
     */
    record Operator() implements Actor {
    }

    Actor ANONYMOUS = new Anonymous();
    Actor OPERATOR = new Operator();

    static Actor anonymous() {
        return ANONYMOUS;
    }

    default Optional<Member> member() {
        return this instanceof Member m ? Optional.of(m) : Optional.empty();
    }

    /** Whether this actor is the member {@code learner} themself: the test for reading private data. */
    default boolean is(LearnerId learner) {
        return this instanceof Member m && m.id().equals(learner);
    }

    default boolean mayAuthor() {
        return this instanceof Operator || this instanceof Member m && m.role().mayAuthor();
    }

    default boolean mayAdminister() {
        return this instanceof Operator || this instanceof Member m && m.role().mayAdminister();
    }

    /** Premium-only problems check this (ID4); authors and admins see everything they can edit. */
    default boolean hasPremium() {
        return this instanceof Operator || this instanceof Member m && (m.premium() || m.role().mayAuthor());
    }
}
