package org.praxis.application.curriculum.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One value of a parsed document (YAML or JSON, already turned into maps, lists, strings, numbers,
 * booleans and nulls), with its path. The typed accessors report a wrong or missing value to the
 * shared {@link FieldErrors} and return a harmless stand-in, so that reading carries on and finds the
 * next mistake too. A {@code null} value counts as absent.
 */
public final class Node {
    private final String path;
    private final Object value;
    private final FieldErrors errors;

    private Node(String path, Object value, FieldErrors errors) {
        this.path = path;
        this.value = value;
        this.errors = errors;
    }

    public static Node root(Object value, FieldErrors errors) {
        return new Node("", value, errors);
    }

    /** A value read at {@code path} of a larger document. */
    public static Node at(String path, Object value, FieldErrors errors) {
        return new Node(path, value, errors);
    }

    public String path() {
        return path;
    }

    public Object value() {
        return value;
    }

    public boolean isPresent() {
        return value != null;
    }

    public void error(String message) {
        errors.add(path, message);
    }

    public FieldErrors errors() {
        return errors;
    }

    /**
     * This value as an object whose keys must all be in {@code allowed}; every other key is reported.
     * Empty when the value is absent or not an object (reported as {@code describe}).
     */
    public Optional<Fields> object(String describe, Collection<String> allowed) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            error("must be " + describe);
            return Optional.empty();
        }
        var known = Set.copyOf(allowed);
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !known.contains(name)) {
                errors.add(FieldErrors.join(path, String.valueOf(key)), "is not a field here; expected one of " + new TreeSet<>(known));
            }
        }
        @SuppressWarnings("unchecked")
        var fields = (Map<String, Object>) map;
        return Optional.of(new Fields(this, fields));
    }

    /** The items of this list; empty (and reported) when it is not a list. */
    public List<Node> items() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            error("must be a list");
            return List.of();
        }
        var nodes = new ArrayList<Node>(list.size());
        for (int i = 0; i < list.size(); i++) {
            nodes.add(new Node(FieldErrors.index(path, i), list.get(i), errors));
        }
        return nodes;
    }

    /** The text, or empty (reported unless absent). Blank text is reported as missing. */
    public Optional<String> text() {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            error("must be text");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    public Optional<String> nonBlankText() {
        Optional<String> text = text();
        if (text.isPresent() && text.get().isBlank()) {
            error("must not be blank");
            return Optional.empty();
        }
        return text;
    }

    public Optional<Boolean> bool() {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean flag)) {
            error("must be true or false");
            return Optional.empty();
        }
        return Optional.of(flag);
    }

    /** A whole number that fits an int. */
    public Optional<Integer> integer() {
        return whole().flatMap(number -> {
            if (number.bitLength() >= 32) {
                error("is too large");
                return Optional.empty();
            }
            return Optional.of(number.intValue());
        });
    }

    /** A whole number that fits a long. */
    public Optional<Long> longInteger() {
        return whole().flatMap(number -> {
            if (number.bitLength() >= 64) {
                error("is too large");
                return Optional.empty();
            }
            return Optional.of(number.longValue());
        });
    }

    private Optional<BigInteger> whole() {
        if (value == null) {
            return Optional.empty();
        }
        BigDecimal decimal = asDecimal(value);
        if (decimal == null || value instanceof String) {
            error("must be a whole number");
            return Optional.empty();
        }
        try {
            return Optional.of(decimal.toBigIntegerExact());
        } catch (ArithmeticException notWhole) {
            error("must be a whole number");
            return Optional.empty();
        }
    }

    /**
     * A decimal, written as a number or as text ("0.005"), in a canonical form (no exponent, the
     * scale as written) so that the same value read twice is {@code equals}.
     */
    public Optional<BigDecimal> decimal() {
        if (value == null) {
            return Optional.empty();
        }
        BigDecimal decimal = asDecimal(value);
        if (decimal == null) {
            error("must be a number");
            return Optional.empty();
        }
        return Optional.of(decimal);
    }

    /** One of {@code names}, mapped by {@code parse}; anything else is reported with the choices. */
    public <T> Optional<T> choice(List<String> names, Function<String, T> parse) {
        return text().flatMap(text -> {
            if (!names.contains(text)) {
                error("must be one of " + String.join(", ", names) + "; was '" + text + "'");
                return Optional.empty();
            }
            return Optional.of(parse.apply(text));
        });
    }

    /** Runs {@code make}; an {@link IllegalArgumentException} from a domain constructor is reported here. */
    public <T> Optional<T> make(java.util.function.Supplier<T> make) {
        try {
            return Optional.of(make.get());
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return Optional.empty();
        }
    }

    private static BigDecimal asDecimal(Object value) {
        try {
            if (value instanceof BigDecimal decimal) {
                return canonical(decimal);
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof BigInteger big) {
                return new BigDecimal(big);
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? canonical(new BigDecimal(Double.toString(d))) : null;
            }
            if (value instanceof String text) {
                return canonical(new BigDecimal(text.strip()));
            }
        } catch (NumberFormatException notANumber) {
            return null;
        }
        return null;
    }

    private static BigDecimal canonical(BigDecimal decimal) {
        return new BigDecimal(decimal.toPlainString());
    }

    /** The fields of an object node. */
    public static final class Fields {
        private final Node node;
        private final Map<String, Object> map;

        private Fields(Node node, Map<String, Object> map) {
            this.node = node;
            this.map = map;
        }

        public Node node() {
            return node;
        }

        public String path() {
            return node.path;
        }

        public boolean has(String key) {
            return map.get(key) != null;
        }

        public Node get(String key) {
            return new Node(FieldErrors.join(node.path, key), map.get(key), node.errors);
        }

        /** The field, reporting it as required when absent. */
        public Node required(String key) {
            Node field = get(key);
            if (!field.isPresent()) {
                field.error("is required");
            }
            return field;
        }
    }
}
