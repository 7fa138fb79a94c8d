package org.praxis.application.curriculum;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.praxis.application.common.InvalidInput;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.Page;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.PageRequest;

/**
 * Keyset pagination: a cursor is the opaque (base64url) key of the last item of a page, and the next
 * page starts after it. Stable under inserts, and cheap at any depth.
 */
final class Cursors {
    private Cursors() {
    }

    static int limit(PageRequest page) {
        if (page.limit() < 1 || page.limit() > BrowseCatalogueUseCase.MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + BrowseCatalogueUseCase.MAX_LIMIT + ", was " + page.limit());
        }
        return page.limit();
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key in the request's cursor, read by {@code parse}; a cursor this service did not hand out is a 400. */
    static <K> Optional<K> decode(PageRequest page, Function<String, K> parse) {
        if (page.cursor().isEmpty() || page.cursor().get().isEmpty()) {
            return Optional.empty();
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(page.cursor().get()), StandardCharsets.UTF_8);
            return Optional.of(parse.apply(key));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("cursor", "is not a cursor of this list");
        }
    }

    /** A page from {@code fetched}, which holds up to limit + 1 items (one more tells that there is a next page). */
    static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(encode(key.apply(items.get(items.size() - 1)))));
    }
}
