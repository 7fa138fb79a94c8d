package org.praxis.domain.archfixture;

/** Breaks the rule on purpose: a domain class that does I/O. */
public class DomainReadsFiles {
    boolean exists(String name) {
        return java.nio.file.Files.exists(java.nio.file.Path.of(name));
    }
}
