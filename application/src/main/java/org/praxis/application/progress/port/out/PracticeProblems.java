package org.praxis.application.progress.port.out;

import java.util.Optional;
import java.util.Set;

import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.AchievementRules;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.domain.progress.Placement;
import org.praxis.domain.scoring.XpSettings;

/** Published problems as practice needs them: content, version, place in a track, and the award rules. */
public interface PracticeProblems {

    /** The published version of a problem; empty for drafts, archived and unknown slugs alike. */
    Optional<PracticeProblem> published(ProblemSlug slug);

    /**
     * The published problem {@code actor} may practise: 404 when it is not published (drafts and unknown
     * slugs alike), 403 when it is premium and the actor is not.
     */
    default PracticeProblem openTo(org.praxis.domain.identity.Actor actor, ProblemSlug slug) {
        var problem = published(slug).orElseThrow(() -> new org.praxis.application.common.NotFound("problem",
                "There is no published problem '" + slug + "'."));
        if (problem.content().premium() && !actor.hasPremium()) {
            throw new org.praxis.application.common.Forbidden("'" + slug + "' is for premium learners.");
        }
        return problem;
    }

    /** The badge ladder and achievements currently in force. */
    AwardRules awardRules();

    record PracticeProblem(long id, ProblemSlug slug, int version, ProblemContent content, XpSettings xp,
            Optional<Placement> placement, Set<ModuleSlug> prerequisites) {
        public Optional<TrackSlug> track() {
            return placement.map(Placement::track);
        }
    }

    record AwardRules(BadgeLadder badges, AchievementRules achievements) {
    }
}
