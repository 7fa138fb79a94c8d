package org.praxis.application.curriculum.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.praxis.application.curriculum.port.out.Tracks;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.TrackSlug;

/** {@link Tracks} in a map; placements and module owners are worked out from the published definitions. */
public final class InMemoryTracks implements Tracks {
    private final TreeMap<TrackSlug, StoredTrack> tracks = new TreeMap<>();
    private int saves;

    @Override
    public synchronized Optional<StoredTrack> find(TrackSlug slug) {
        return Optional.ofNullable(tracks.get(slug));
    }

    @Override
    public synchronized List<StoredTrack> all() {
        return List.copyOf(tracks.values());
    }

    @Override
    public synchronized List<TrackSlug> synced() {
        return tracks.values().stream().filter(StoredTrack::synced).map(StoredTrack::slug).toList();
    }

    @Override
    public synchronized void save(StoredTrack track, Instant at) {
        tracks.put(track.slug(), track);
        saves++;
    }

    @Override
    public synchronized Map<ProblemSlug, TrackSlug> placements() {
        var placements = new HashMap<ProblemSlug, TrackSlug>();
        published().forEach(track -> track.published().orElseThrow().problems().forEach(problem -> placements.put(problem, track.slug())));
        return placements;
    }

    @Override
    public synchronized Map<ModuleSlug, TrackSlug> moduleOwners() {
        var owners = new HashMap<ModuleSlug, TrackSlug>();
        published().forEach(track -> track.published().orElseThrow().modules().forEach(module -> owners.put(module.slug(), track.slug())));
        return owners;
    }

    private List<StoredTrack> published() {
        return tracks.values().stream().filter(track -> track.state() == PublicationState.PUBLISHED).toList();
    }

    public synchronized int saves() {
        return saves;
    }
}
