package org.praxis.persistence.curriculum;

import java.time.Clock;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.praxis.application.curriculum.CatalogueService;
import org.praxis.application.curriculum.ContentSyncService;
import org.praxis.application.curriculum.ContentValidationService;
import org.praxis.application.curriculum.ProblemAuthoringService;
import org.praxis.application.curriculum.TrackAuthoringService;
import org.praxis.persistence.common.ChannelListener;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.common.JooqTransactions;
import org.praxis.persistence.content.FileContentFolders;

/**
 * One application instance's content side, as the service wires it: its own jOOQ context, cache and
 * change listener. Two of them on one database behave like two service instances.
 */
final class ContentInstance implements AutoCloseable {
    final DSLContext dsl;
    final CachingCatalogue cache;
    final ChannelListener listener;
    final ContentSyncService sync;
    final ContentValidationService validation;
    final CatalogueService catalogue;
    final ProblemAuthoringService problems;
    final TrackAuthoringService tracks;

    ContentInstance(DataSource dataSource, Clock clock) {
        dsl = Jooq.over(dataSource);
        var tx = new JooqTransactions(dsl);
        var problemStore = new JooqProblems(dsl);
        var trackStore = new JooqTracks(dsl);
        var topics = new JooqTopics(dsl);
        cache = new CachingCatalogue(new JooqCatalogue(dsl));
        var changes = new JooqContentChanges(dsl, cache);
        listener = new ChannelListener(JooqContentChanges.CHANNEL,
                ChannelListener.Connector.outsidePool(dataSource),
                ChannelListener.Subscriber.anyChange(cache::invalidate)).start();
        sync = new ContentSyncService(new FileContentFolders(), problemStore, trackStore, topics, new JooqAwards(dsl), changes, tx, clock,
                org.praxis.application.grading.port.out.ReferenceSolutions.none());
        validation = new ContentValidationService(new FileContentFolders());
        catalogue = new CatalogueService(cache, new JooqLearnerProgress(dsl));
        problems = new ProblemAuthoringService(problemStore, topics, changes, tx, clock,
                org.praxis.application.grading.port.out.ReferenceSolutions.none());
        tracks = new TrackAuthoringService(trackStore, problemStore, changes, tx, clock);
    }

    @Override
    public void close() {
        listener.close();
    }
}
