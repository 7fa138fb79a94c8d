package org.praxis.application.curriculum.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.praxis.application.curriculum.port.out.Awards.AchievementDefinition;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.gamification.Achievement;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.domain.gamification.BadgeRank;
import org.praxis.domain.gamification.Criterion;
import org.praxis.domain.gamification.Rarity;

/** {@code gamification/badges.yaml} (the badge ladder) and {@code gamification/achievements.yaml}. */
public final class AwardsDocuments {
    static final List<String> RANK_FIELDS = List.of("name", "level", "minPoints", "minSolved");
    static final List<String> ACHIEVEMENT_FIELDS = List.of("code", "title", "description", "rarity", "pointsReward", "criterion");
    static final List<String> RARITIES = List.of("common", "rare", "epic", "legendary");

    private AwardsDocuments() {
    }

    /**
     * The ladder, listed from the lowest rank: levels 1, 2, 3..., the first rank requiring nothing, and
     * no requirement falling on the way up.
     */
    public static Optional<BadgeLadder> readLadder(Node root) {
        var fields = root.object("an object with a list of ranks", List.of("ranks")).orElse(null);
        if (fields == null) {
            if (!root.isPresent()) {
                root.error("is empty; give the ranks, or remove the file to use the default ladder");
            }
            return Optional.empty();
        }
        int before = root.errors().size();
        Node ranksNode = fields.required("ranks");
        var ranks = new ArrayList<BadgeRank>();
        var names = new HashMap<String, String>();
        long previousPoints = 0;
        int previousSolved = 0;
        List<Node> items = ranksNode.items();
        if (ranksNode.isPresent() && ranksNode.value() instanceof List<?> && items.isEmpty()) {
            ranksNode.error("needs at least one rank");
        }
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            var rank = item.object("an object: {name, level, minPoints, minSolved}", RANK_FIELDS).orElse(null);
            if (rank == null) {
                if (!item.isPresent()) {
                    item.error("must be an object: {name, level, minPoints, minSolved}");
                }
                continue;
            }
            Optional<String> name = rank.required("name").nonBlankText();
            name.ifPresent(n -> {
                String earlier = names.putIfAbsent(n, item.path());
                if (earlier != null) {
                    rank.get("name").error("repeats the name of " + earlier);
                }
            });
            Optional<Integer> level = rank.required("level").integer();
            if (level.isPresent() && level.get() != i + 1) {
                rank.get("level").error("must be " + (i + 1) + ", was " + level.get() + " (levels start at 1 and go up by one)");
            }
            Optional<Long> points = rank.required("minPoints").longInteger();
            Optional<Integer> solved = rank.required("minSolved").integer();
            if (i == 0) {
                points.filter(p -> p != 0).ifPresent(p -> rank.get("minPoints").error("must be 0: the first rank requires nothing"));
                solved.filter(s -> s != 0).ifPresent(s -> rank.get("minSolved").error("must be 0: the first rank requires nothing"));
            } else {
                long below = previousPoints;
                int belowSolved = previousSolved;
                points.filter(p -> p < below).ifPresent(p -> rank.get("minPoints").error("is less than the " + below + " of the rank below"));
                solved.filter(s -> s < belowSolved).ifPresent(s -> rank.get("minSolved").error("is less than the " + belowSolved + " of the rank below"));
            }
            if (points.isPresent()) {
                points.filter(p -> p < 0).ifPresent(p -> rank.get("minPoints").error("cannot be negative"));
                previousPoints = points.get();
            }
            if (solved.isPresent()) {
                solved.filter(s -> s < 0).ifPresent(s -> rank.get("minSolved").error("cannot be negative"));
                previousSolved = solved.get();
            }
            if (name.isPresent() && level.isPresent() && points.isPresent() && solved.isPresent()) {
                item.make(() -> new BadgeRank(name.get(), level.get(), points.get(), solved.get())).ifPresent(ranks::add);
            }
        }
        if (root.errors().size() != before) {
            return Optional.empty();
        }
        return ranksNode.make(() -> new BadgeLadder(ranks));
    }

    public record ReadAchievements(List<AchievementDefinition> achievements, Map<String, TopicSlug> topicReferences) {
    }

    /**
     * The achievements, each criterion read by the domain's {@link Criterion#fromJson}. Topics the
     * criteria name come back with the path that names them, for the caller to check.
     */
    public static ReadAchievements readAchievements(Node root) {
        var achievements = new ArrayList<AchievementDefinition>();
        var topics = new LinkedHashMap<String, TopicSlug>();
        var fields = root.object("an object with a list of achievements", List.of("achievements")).orElse(null);
        if (fields == null) {
            if (!root.isPresent()) {
                root.error("is empty; give the achievements, or remove the file");
            }
            return new ReadAchievements(achievements, topics);
        }
        var codes = new HashMap<AchievementCode, String>();
        for (Node item : fields.required("achievements").items()) {
            var entry = item.object("an object: {code, title, description, rarity, pointsReward, criterion}", ACHIEVEMENT_FIELDS).orElse(null);
            if (entry == null) {
                if (!item.isPresent()) {
                    item.error("must be an object: {code, title, description, rarity, pointsReward, criterion}");
                }
                continue;
            }
            int before = root.errors().size();
            Node codeNode = entry.required("code");
            Optional<AchievementCode> code = codeNode.text().flatMap(text -> codeNode.make(() -> new AchievementCode(text)));
            code.ifPresent(c -> {
                String earlier = codes.putIfAbsent(c, item.path());
                if (earlier != null) {
                    codeNode.error("repeats the code of " + earlier);
                }
            });
            Optional<String> title = entry.required("title").nonBlankText();
            String description = entry.get("description").text().orElse("");
            Optional<Rarity> rarity = entry.required("rarity").choice(RARITIES, text -> Rarity.valueOf(text.toUpperCase(Locale.ROOT)));
            Node rewardNode = entry.get("pointsReward");
            int reward = rewardNode.integer().orElse(0);
            if (reward < 0) {
                rewardNode.error("cannot be negative, was " + reward);
            }
            Optional<Criterion> criterion = criterion(entry.required("criterion"));
            criterion.ifPresent(c -> topicOf(c).ifPresent(topic -> topics.put(FieldErrors.join(entry.path(), "criterion.topic"), topic)));
            if (root.errors().size() == before) {
                item.make(() -> new Achievement(code.orElseThrow(), title.orElseThrow(), criterion.orElseThrow(), rarity.orElseThrow(), reward))
                        .ifPresent(achievement -> achievements.add(new AchievementDefinition(achievement, description)));
            }
        }
        return new ReadAchievements(achievements, topics);
    }

    private static Optional<Criterion> criterion(Node node) {
        if (!node.isPresent()) {
            return Optional.empty();
        }
        if (!(node.value() instanceof Map<?, ?> map)) {
            node.error("must be an object with a type, e.g. {type: firstSubmission}");
            return Optional.empty();
        }
        var json = new LinkedHashMap<String, Object>();
        map.forEach((key, value) -> json.put(String.valueOf(key), value));
        try {
            return Optional.of(Criterion.fromJson(json));
        } catch (IllegalArgumentException e) {
            // The domain names the field as "criterion.<field> <message>": report it at that field.
            String message = e.getMessage() == null ? "is not valid" : e.getMessage();
            int space = message.indexOf(' ');
            if (message.startsWith("criterion.") && space > 0) {
                node.errors().add(FieldErrors.join(node.path(), message.substring("criterion.".length(), space)), message.substring(space + 1));
            } else {
                node.error(message);
            }
            return Optional.empty();
        }
    }

    private static Optional<TopicSlug> topicOf(Criterion criterion) {
        if (criterion instanceof Criterion.SolvedCount solved) {
            return solved.topic();
        }
        if (criterion instanceof Criterion.LevelReached level) {
            return Optional.of(level.topic());
        }
        return Optional.empty();
    }

    public static Map<String, Object> writeLadder(BadgeLadder ladder) {
        var ranks = new ArrayList<Map<String, Object>>();
        for (BadgeRank rank : ladder.ranks()) {
            var item = new LinkedHashMap<String, Object>();
            item.put("name", rank.name());
            item.put("level", rank.level());
            item.put("minPoints", rank.requiredPoints());
            item.put("minSolved", rank.requiredSolved());
            ranks.add(item);
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("ranks", ranks);
        return json;
    }

    public static String rarityName(Rarity rarity) {
        return rarity.name().toLowerCase(Locale.ROOT);
    }
}
