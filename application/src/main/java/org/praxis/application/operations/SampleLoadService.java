package org.praxis.application.operations;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.praxis.application.common.Transactions;
import org.praxis.application.grading.Grading;
import org.praxis.application.operations.port.in.LoadSampleUseCase;
import org.praxis.application.operations.port.out.SampleData;
import org.praxis.application.progress.port.out.PracticeProblems;
import org.praxis.application.progress.port.out.PracticeProblems.AwardRules;
import org.praxis.application.progress.port.out.PracticeProblems.PracticeProblem;
import org.praxis.domain.curriculum.ModuleAccess;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.curriculum.UnlockPolicy;
import org.praxis.domain.gamification.BoardPeriod;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.ScoredProblem;
import org.praxis.domain.progress.ScoringConfig;
import org.praxis.domain.progress.SubmissionId;
import org.praxis.domain.scoring.PointsPolicy;

/**
 * Generates sample learners and their submissions and writes them in batches, several at once. Each
 * learner is simulated on their own: a time zone, a skill, a favourite order of the tracks, and
 * sessions of submissions over the months before {@code until}, each on an open problem (prerequisites
 * respected) or a review of a solved one, right or wrong by the learner's skill. Every submission goes
 * through the domain's reducer ({@link SampleLearner}), so totals, streaks, badges, boards and events
 * are what the learning loop would have made of the same submissions.
 *
 * <p>Deterministic: a learner depends only on the seed and their number, and how many submissions they
 * make only on the counts asked for; so the same command gives the same rows whatever the threads.
 */
public final class SampleLoadService implements LoadSampleUseCase {
    private static final List<ZoneId> ZONES = List.of("UTC", "Europe/London", "Europe/Berlin", "America/New_York",
            "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "Africa/Lagos")
            .stream().map(ZoneId::of).toList();
    /** Coprime with every learner count allowed: scatters the busy learners over the user names. */
    private static final long SCATTER = 1_000_000_007L;
    private static final int BATCH = 1_000;

    private final PracticeProblems problems;
    private final SampleData data;
    private final Grading grading;
    private final Transactions tx;
    private final ZoneId boardZone;

    public SampleLoadService(PracticeProblems problems, SampleData data, Grading grading, Transactions tx, ZoneId boardZone) {
        this.problems = Objects.requireNonNull(problems);
        this.data = Objects.requireNonNull(data);
        this.grading = Objects.requireNonNull(grading);
        this.tx = Objects.requireNonNull(tx);
        this.boardZone = Objects.requireNonNull(boardZone);
    }

    @Override
    public Result load(Command c, Progress progress) {
        long started = System.nanoTime();
        var catalogue = tx.inTransaction(this::catalogue);
        if (catalogue.answers().isEmpty()) {
            throw new IllegalStateException("there is no published problem a sample learner could answer: sync content first");
        }
        if (catalogue.answers().stream().noneMatch(a -> a.problem().prerequisites().isEmpty())) {
            throw new IllegalStateException("every published problem is behind a prerequisite: a new learner could answer none");
        }
        long first = tx.inTransaction(data::highestSampleLearner) + 1;
        if (first + c.learners() - 1 > 9_999_999) {
            throw new IllegalStateException("there are already " + (first - 1) + " sample learners; user names stop at learner-9999999");
        }
        var plan = new Plan(c, catalogue, first, Instant.ofEpochSecond(c.until().atOffset(ZoneOffset.UTC).minusMonths(c.months()).toEpochSecond()));
        var learners = new AtomicLong();
        var submissions = new AtomicLong();
        int batch = (int) Math.max(1, Math.min(BATCH, (c.learners() + 4L * c.threads() - 1) / (4L * c.threads())));
        var pool = Executors.newFixedThreadPool(c.threads(), r -> {
            var thread = new Thread(r, "sample-loader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var done = new ArrayList<Future<?>>();
            for (int from = 0; from < c.learners(); from += batch) {
                int start = from;
                int end = Math.min(c.learners(), from + batch);
                done.add(pool.submit(() -> {
                    var generated = new ArrayList<SampleData.Learner>(end - start);
                    long count = 0;
                    for (int k = start; k < end; k++) {
                        var learner = plan.learner(k);
                        count += learner.submissions().size();
                        generated.add(learner);
                    }
                    data.write(generated);
                    long l = learners.addAndGet(generated.size());
                    long s = submissions.addAndGet(count);
                    synchronized (progress) {
                        progress.written(l, s);
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        data.analyze();
        return new Result(c.learners(), submissions.get(), first,
                catalogue.answers().stream().map(a -> a.problem().slug()).toList(), Duration.ofNanos(System.nanoTime() - started));
    }

    private record Catalogue(List<SampleAnswers> answers, AwardRules rules) {
    }

    /** The problems a sample learner can answer: published, free, with a right answer the grader accepts; in track order. */
    private Catalogue catalogue() {
        var byTrack = new TreeMap<String, List<SampleAnswers>>();
        var positions = new LinkedHashMap<ProblemSlug, Integer>();
        for (var slug : data.publishedProblems()) {
            var problem = problems.published(slug);
            if (problem.isEmpty() || problem.get().content().premium()) {
                continue;
            }
            var answers = SampleAnswers.of(problem.get(), grading);
            if (answers.isEmpty()) {
                continue;
            }
            var placement = problem.get().placement();
            // problems outside any track come after every track
            String track = placement.map(p -> "0" + p.track().value()).orElse("1");
            positions.put(slug, placement.map(p -> p.trackProblems().indexOf(slug)).orElse(0));
            byTrack.computeIfAbsent(track, t -> new ArrayList<>()).add(answers.get());
        }
        var ordered = new ArrayList<SampleAnswers>();
        byTrack.values().forEach(list -> {
            list.sort(java.util.Comparator.comparing((SampleAnswers a) -> positions.get(a.problem().slug()))
                    .thenComparing(a -> a.problem().slug()));
            ordered.addAll(list);
        });
        return new Catalogue(ordered, problems.awardRules());
    }

    /** What every learner is drawn from. */
    private final class Plan {
        private final Command command;
        private final Catalogue catalogue;
        private final long first;
        private final Instant windowStart;
        private final List<List<SampleAnswers>> tracks;
        private final Map<ProblemSlug, ScoringConfig> configs = new HashMap<>();
        private final SamplePeriods weeks;
        private final SamplePeriods months;

        Plan(Command command, Catalogue catalogue, long first, Instant windowStart) {
            this.command = command;
            this.catalogue = catalogue;
            this.first = first;
            this.windowStart = windowStart;
            this.weeks = new SamplePeriods(BoardPeriod.Kind.WEEK, windowStart, command.until(), boardZone);
            this.months = new SamplePeriods(BoardPeriod.Kind.MONTH, windowStart, command.until(), boardZone);
            for (var a : catalogue.answers()) {
                // as SubmitAnswerService scores an answer to this problem
                var problem = a.problem();
                var scored = problem.placement().map(ScoredProblem.of(problem.slug(), problem.content())::placedIn)
                        .orElse(ScoredProblem.of(problem.slug(), problem.content()));
                configs.put(problem.slug(), new ScoringConfig(scored, problem.xp(), PointsPolicy.DEFAULT, catalogue.rules().badges(),
                        catalogue.rules().achievements()));
            }
            var grouped = new LinkedHashMap<String, List<SampleAnswers>>();
            for (var a : catalogue.answers()) {
                grouped.computeIfAbsent(a.problem().track().map(TrackSlug::value).orElse(""), t -> new ArrayList<>()).add(a);
            }
            this.tracks = List.copyOf(grouped.values());
        }

        /**
         * How many submissions the learner ranked {@code r} makes: the difference of {@code M·(1 − (1 − x)³)}
         * between neighbouring ranks, so a few learners are busy, many casual, some never submit, and the
         * counts add up to exactly {@code M}.
         */
        long submissionsOf(long k) {
            long n = command.learners();
            long rank = (k * SCATTER) % n;
            return cumulative(rank + 1, n) - cumulative(rank, n);
        }

        private long cumulative(long rank, long n) {
            var left = BigInteger.valueOf(n - rank).pow(3);
            var all = BigInteger.valueOf(n).pow(3);
            return command.submissions() - BigInteger.valueOf(command.submissions()).multiply(left).divide(all).longValueExact();
        }

        SampleData.Learner learner(int k) {
            long number = first + k;
            var random = new SplittableRandom(command.seed() * 0x9E3779B97F4A7C15L + number);
            var id = new LearnerId(uuid(number, 0, random));
            var zone = ZONES.get(random.nextInt(ZONES.size()));
            var learner = new SampleLearner(id, zone, weeks, months);
            int count = (int) submissionsOf(k);
            long window = command.until().getEpochSecond() - windowStart.getEpochSecond();
            long[] gaps = new long[Math.max(0, count - 1)];
            long span = 0;
            for (int i = 0; i < gaps.length; i++) {
                double u = random.nextDouble();
                gaps[i] = u < 0.6 ? 30 + random.nextInt(900) : u < 0.9 ? 18 * 3600 + random.nextInt(12 * 3600)
                        : 2 * 86_400 + random.nextInt(10 * 86_400);
                span += gaps[i];
            }
            long room = window - 7_200;
            if (span > room) {
                // a busy learner in a short window: the same rhythm, faster
                double scale = (double) room / span;
                span = 0;
                for (int i = 0; i < gaps.length; i++) {
                    gaps[i] = Math.max(1, (long) (gaps[i] * scale));
                    span += gaps[i];
                }
            }
            long joined = windowStart.getEpochSecond() + (long) (random.nextDouble() * Math.max(1, window - span - 7_200));
            var joinedAt = Instant.ofEpochSecond(joined, random.nextInt(1000) * 1_000_000L);
            // skill: the chance an answer to a new problem is right
            double skill = 0.35 + 0.55 * random.nextDouble();
            var focus = new ArrayList<SampleAnswers>();
            var order = new ArrayList<>(tracks);
            for (int i = order.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                var t = order.get(i);
                order.set(i, order.get(j));
                order.set(j, t);
            }
            order.forEach(focus::addAll);
            var enrolments = new LinkedHashMap<TrackSlug, Instant>();
            long at = (joined + 60 + random.nextInt(3_000)) * 1000 + random.nextInt(1000);
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    at += gaps[i - 1] * 1000 + random.nextInt(1000);
                }
                var submittedAt = Instant.ofEpochMilli(at);
                var chosen = choose(learner, focus, random);
                var problem = chosen.answers().problem();
                double chance = chosen.review() ? Math.min(0.95, skill + 0.2) : skill;
                boolean right = random.nextDouble() < chance;
                problem.track().ifPresent(t -> enrolments.putIfAbsent(t, max(joinedAt, submittedAt.minusSeconds(60))));
                learner.submit(problem, configs.get(problem.slug()), right ? chosen.answers().right() : chosen.answers().wrong(),
                        new SubmissionId(uuid(number, i + 1, random)), submittedAt);
            }
            return learner.finish(String.format("learner-%07d", number), joinedAt, enrolments);
        }

        private record Choice(SampleAnswers answers, boolean review) {
        }

        /** The next open unsolved problem in the learner's order (sometimes the one after), else a review. */
        private Choice choose(SampleLearner learner, List<SampleAnswers> focus, SplittableRandom random) {
            var solved = learner.completedProblems();
            if (solved.isEmpty() || random.nextDouble() >= 0.15) {
                SampleAnswers next = null;
                for (var candidate : focus) {
                    var problem = candidate.problem();
                    if (!learner.hasCompleted(problem.slug())
                            && UnlockPolicy.decide(problem.prerequisites(), learner.completedModules()) instanceof ModuleAccess.Unlocked) {
                        if (next != null || random.nextDouble() >= 0.25) {
                            return new Choice(candidate, false);
                        }
                        next = candidate;
                    }
                }
                if (next != null) {
                    return new Choice(next, false);
                }
            }
            var slug = solved.get(random.nextInt(solved.size()));
            var review = focus.stream().filter(a -> a.problem().slug().equals(slug)).findFirst().orElseThrow();
            return new Choice(review, true);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * A UUID (version 8: custom) that sorts by learner number, then by the learner's {@code n}th submission
     * (0: the learner), with random low bits: rows then arrive in index order, so every index led by a
     * user or submission id grows at its end instead of at random pages (the API's random ids cost a
     * page read and a full-page write per row once the indexes outgrow memory). It cannot collide with a
     * random (version 4) id.
     */
    private static UUID uuid(long number, int n, SplittableRandom random) {
        // number | n's high 12 bits | version 8 | n's low 12 bits
        long high = (number << 28) | ((long) (n >>> 12) & 0xFFFL) << 16 | 0x8000L | (n & 0xFFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
