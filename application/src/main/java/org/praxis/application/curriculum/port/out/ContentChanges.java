package org.praxis.application.curriculum.port.out;

/**
 * Coordinates changes of content across every running instance (OP2): one at a time, and each one
 * heard by all.
 */
public interface ContentChanges {

    /**
     * Waits until no other content change is under way (on any instance) and keeps that turn until the
     * current transaction ends, so that two syncs, or a sync and an author, never interleave.
     */
    void serialise();

    /**
     * Tells every running instance (this one included) that published content changed, so that each
     * drops what it cached. Called inside the transaction that made the change: the news goes out when
     * it commits, and not at all when it rolls back.
     */
    void announce(String what);
}
