package org.praxis.application.curriculum.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.domain.curriculum.Topic;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.scoring.XpSettings;

/**
 * {@code topics.yaml}: the topic tree, each topic with optional XP settings whose omitted keys take the
 * defaults ({@link XpSettings#DEFAULT}). Read into a list of {@link TopicDefinition}s, parents before
 * children, siblings in file order.
 */
public final class TopicsDocument {
    static final List<String> TOPIC_FIELDS = List.of("slug", "title", "description", "xp", "children");
    static final List<String> XP_FIELDS = List.of("maxXp", "baseTaskXp", "dailyFullTasks", "dailyHalfTasks", "multiplierFull",
            "multiplierHalf", "multiplierLow", "multiplierEarly", "dailyXpDecay", "minXpPercent", "levelThresholds", "reviewIntervals");

    private TopicsDocument() {
    }

    /** @param paths where each topic is defined in the file */
    public record Read(List<TopicDefinition> topics, Map<TopicSlug, String> paths) {
    }

    public static Read read(Node root) {
        var topics = new ArrayList<TopicDefinition>();
        var paths = new LinkedHashMap<TopicSlug, String>();
        root.object("an object with a list of topics", List.of("topics"))
                .ifPresent(fields -> readLevel(fields.required("topics"), Optional.empty(), topics, paths));
        return new Read(topics, paths);
    }

    private static void readLevel(Node list, Optional<TopicSlug> parent, List<TopicDefinition> topics, Map<TopicSlug, String> paths) {
        for (Node item : list.items()) {
            var fields = item.object("an object: {slug, title, description, xp, children}", TOPIC_FIELDS).orElse(null);
            if (fields == null) {
                if (!item.isPresent()) {
                    item.error("must be an object: {slug, title, description, xp, children}");
                }
                continue;
            }
            Node slugNode = fields.required("slug");
            Optional<TopicSlug> slug = slugNode.text().flatMap(text -> slugNode.make(() -> new TopicSlug(text)));
            Node titleNode = fields.required("title");
            Optional<String> title = titleNode.nonBlankText();
            title.filter(t -> t.length() > 200).ifPresent(t -> titleNode.error("is longer than 200 characters"));
            String description = fields.get("description").text().orElse("");
            Optional<XpSettings> xp = fields.has("xp") ? readXp(fields.get("xp")) : Optional.empty();
            if (slug.isPresent()) {
                String earlier = paths.putIfAbsent(slug.get(), item.path());
                if (earlier != null) {
                    slugNode.error("repeats topic '" + slug.get() + "' of " + earlier);
                } else if (title.isPresent() && title.get().length() <= 200) {
                    topics.add(new TopicDefinition(new Topic(slug.get(), title.get(), parent), description, xp));
                }
            }
            if (fields.has("children")) {
                readLevel(fields.get("children"), slug, topics, paths);
            }
        }
    }

    /** XP settings: the keys given, the defaults for the rest; the domain checks them together. */
    public static Optional<XpSettings> readXp(Node node) {
        var fields = node.object("an object of XP settings", XP_FIELDS).orElse(null);
        if (fields == null) {
            return Optional.empty();
        }
        int before = node.errors().size();
        XpSettings d = XpSettings.DEFAULT;
        int maxXp = fields.get("maxXp").integer().orElse(d.maxXp());
        int baseTaskXp = fields.get("baseTaskXp").integer().orElse(d.baseTaskXp());
        int dailyFull = fields.get("dailyFullTasks").integer().orElse(d.dailyFullTasks());
        int dailyHalf = fields.get("dailyHalfTasks").integer().orElse(d.dailyHalfTasks());
        BigDecimal full = fields.get("multiplierFull").decimal().orElse(d.multiplierFull());
        BigDecimal half = fields.get("multiplierHalf").decimal().orElse(d.multiplierHalf());
        BigDecimal low = fields.get("multiplierLow").decimal().orElse(d.multiplierLow());
        BigDecimal early = fields.get("multiplierEarly").decimal().orElse(d.multiplierEarly());
        BigDecimal decay = fields.get("dailyXpDecay").decimal().orElse(d.dailyXpDecay());
        BigDecimal minPercent = fields.get("minXpPercent").decimal().orElse(d.minXpPercent());
        List<Integer> thresholds = fields.has("levelThresholds") ? integers(fields.get("levelThresholds")) : d.levelThresholds();
        List<Integer> intervals = fields.has("reviewIntervals") ? integers(fields.get("reviewIntervals")) : d.reviewIntervals();
        if (node.errors().size() != before) {
            return Optional.empty();
        }
        return node.make(() -> new XpSettings(maxXp, baseTaskXp, dailyFull, dailyHalf, full, half, low, early, decay, minPercent,
                thresholds, intervals));
    }

    private static List<Integer> integers(Node node) {
        var values = new ArrayList<Integer>();
        for (Node item : node.items()) {
            item.integer().ifPresent(values::add);
        }
        return values;
    }

    /** The XP settings as {@code topics.yaml} writes them, every key present. */
    public static Map<String, Object> writeXp(XpSettings xp) {
        var json = new LinkedHashMap<String, Object>();
        json.put("maxXp", xp.maxXp());
        json.put("baseTaskXp", xp.baseTaskXp());
        json.put("dailyFullTasks", xp.dailyFullTasks());
        json.put("dailyHalfTasks", xp.dailyHalfTasks());
        json.put("multiplierFull", xp.multiplierFull());
        json.put("multiplierHalf", xp.multiplierHalf());
        json.put("multiplierLow", xp.multiplierLow());
        json.put("multiplierEarly", xp.multiplierEarly());
        json.put("dailyXpDecay", xp.dailyXpDecay());
        json.put("minXpPercent", xp.minXpPercent());
        json.put("levelThresholds", xp.levelThresholds());
        json.put("reviewIntervals", xp.reviewIntervals());
        return json;
    }
}
