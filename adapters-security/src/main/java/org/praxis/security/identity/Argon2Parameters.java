package org.praxis.security.identity;

/**
 * argon2id cost: memory in KiB, passes over it, lanes. The default follows OWASP's password storage
 * advice (19 MiB, 2 passes, 1 lane), about 30-60 ms on one core of a current server. Tests use a
 * cheaper setting through configuration; the code path is the same.
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {
    public static final Argon2Parameters DEFAULT = new Argon2Parameters(19_456, 2, 1);

    public Argon2Parameters {
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("argon2 parallelism must be 1..16, was " + parallelism);
        }
        if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("argon2 memory must be between 8 x parallelism KiB and 4 GiB, was " + memoryKib);
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException("argon2 iterations must be 1..100, was " + iterations);
        }
    }

    /** Whether a hash made with {@code stored} is weaker than this, in any dimension. */
    boolean isStrongerThan(Argon2Parameters stored) {
        return memoryKib > stored.memoryKib || iterations > stored.iterations || parallelism > stored.parallelism;
    }
}
