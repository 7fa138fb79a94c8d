package org.praxis.application.identity.testing;

import java.util.HashMap;
import java.util.Map;

import org.praxis.application.identity.port.out.IdentityProviders;

/** Answers what the test said each token is. */
public final class FakeIdentityProviders implements IdentityProviders {
    private final Map<String, Verification> answers = new HashMap<>();

    public FakeIdentityProviders answer(String token, Verification verification) {
        answers.put(token, verification);
        return this;
    }

    @Override
    public synchronized Verification verify(String token) {
        return answers.getOrDefault(token, new Verification.Unknown());
    }
}
