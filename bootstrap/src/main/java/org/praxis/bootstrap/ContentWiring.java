package org.praxis.bootstrap;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import org.praxis.application.curriculum.CatalogueService;
import org.praxis.application.curriculum.ContentSyncService;
import org.praxis.application.curriculum.ContentValidationService;
import org.praxis.application.curriculum.ProblemAuthoringService;
import org.praxis.application.curriculum.TrackAuthoringService;
import org.praxis.application.grading.port.out.ReferenceSolutions;
import org.praxis.http.curriculum.AuthoringRoutes;
import org.praxis.http.curriculum.CatalogueRoutes;
import org.praxis.http.json.Json;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.common.JooqTransactions;
import org.praxis.persistence.content.FileContentFolders;
import org.praxis.persistence.curriculum.CachingCatalogue;
import org.praxis.persistence.common.ChannelListener;
import org.praxis.persistence.curriculum.JooqAwards;
import org.praxis.persistence.curriculum.JooqCatalogue;
import org.praxis.persistence.curriculum.JooqContentChanges;
import org.praxis.persistence.curriculum.JooqLearnerProgress;
import org.praxis.persistence.curriculum.JooqProblems;
import org.praxis.persistence.curriculum.JooqTopics;
import org.praxis.persistence.curriculum.JooqTracks;

/** The content feature (curriculum) wired with plain {@code new}: stores, cache, change listener, services, routes. */
public final class ContentWiring {
    /** Where the demo content lives inside the service's jar. */
    public static final String DEMO_CONTENT = FileContentFolders.CLASSPATH + "demo-content";

    private ContentWiring() {
    }

    /** The content services of one instance; closing it stops the change listener. */
    public record Content(ContentSyncService sync, CatalogueService catalogue, ProblemAuthoringService problems,
            TrackAuthoringService tracks, CachingCatalogue cache, Optional<ChannelListener> listener) implements AutoCloseable {

        public CatalogueRoutes catalogueRoutes() {
            return new CatalogueRoutes(catalogue);
        }

        public AuthoringRoutes authoringRoutes(Json json) {
            return new AuthoringRoutes(problems, tracks, json);
        }

        @Override
        public void close() {
            listener.ifPresent(ChannelListener::close);
        }
    }

    /**
     * @param listen whether to listen for other instances' changes (a serving instance does; a one-off
     *               command such as {@code content sync} only announces its own)
     * @param references runs the reference solutions of new and changed SQL problems at sync and at publish (the sandbox)
     */
    public static Content content(DataSource dataSource, Clock clock, boolean listen, ReferenceSolutions references) {
        var dsl = Jooq.over(dataSource);
        var tx = new JooqTransactions(dsl);
        var problems = new JooqProblems(dsl);
        var tracks = new JooqTracks(dsl);
        var topics = new JooqTopics(dsl);
        var cache = new CachingCatalogue(new JooqCatalogue(dsl));
        var changes = new JooqContentChanges(dsl, cache);
        Optional<ChannelListener> listener = listen
                ? Optional.of(new ChannelListener(JooqContentChanges.CHANNEL, ChannelListener.Connector.outsidePool(dataSource),
                        ChannelListener.Subscriber.anyChange(cache::invalidate)).start())
                : Optional.empty();
        return new Content(
                new ContentSyncService(new FileContentFolders(), problems, tracks, topics, new JooqAwards(dsl), changes, tx, clock,
                        references),
                new CatalogueService(cache, new JooqLearnerProgress(dsl)),
                new ProblemAuthoringService(problems, topics, changes, tx, clock, references),
                new TrackAuthoringService(tracks, problems, changes, tx, clock),
                cache, listener);
    }

    /** Checks content folders; needs no database. */
    public static ContentValidationService validation() {
        return new ContentValidationService(new FileContentFolders());
    }
}
