package org.praxis.application.identity;

import org.praxis.application.common.Transactions;
import org.praxis.application.identity.contract.IdentityPortsContract;
import org.praxis.application.identity.port.out.Accounts;
import org.praxis.application.identity.port.out.Credentials;
import org.praxis.application.identity.port.out.ExternalIdentities;
import org.praxis.application.identity.port.out.FailedSignIns;
import org.praxis.application.identity.port.out.OneTimeTokens;
import org.praxis.application.identity.port.out.Sessions;
import org.praxis.application.identity.testing.IdentityFakes;

/** The in-memory fakes keep the same contract as the jOOQ adapters, so unit tests on them mean something. */
class InMemoryIdentityPortsTest extends IdentityPortsContract {
    private final IdentityFakes fakes = new IdentityFakes();

    @Override
    protected Accounts accounts() {
        return fakes.accounts;
    }

    @Override
    protected Credentials credentials() {
        return fakes.credentials;
    }

    @Override
    protected Sessions sessions() {
        return fakes.sessions;
    }

    @Override
    protected OneTimeTokens oneTimeTokens() {
        return fakes.oneTimeTokens;
    }

    @Override
    protected ExternalIdentities identities() {
        return fakes.identities;
    }

    @Override
    protected FailedSignIns failures() {
        return fakes.failures;
    }

    @Override
    protected Transactions tx() {
        return fakes.tx;
    }
}
