package org.praxis.application.curriculum.port.out;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Content folders (CU5, docs/content.md): reads every file of a folder. YAML files come back parsed
 * into plain values (maps, lists, strings, numbers, booleans, nulls), Markdown and starter files as
 * text; what the files mean is the application's business.
 */
public interface ContentFolders {

    /**
     * Reads the folder at {@code location}: a directory, or {@code classpath:NAME} for one shipped in
     * the service. A location that is not a readable folder gives a folder with one unreadable entry.
     */
    ContentFolder read(String location);

    /** @param files by path relative to the folder, with {@code /} separators */
    record ContentFolder(String location, SortedMap<String, FileContent> files) {
        public ContentFolder {
            Objects.requireNonNull(location, "location");
            files = new TreeMap<>(files);
        }
    }

    sealed interface FileContent {
        /** A {@code .yaml} file; {@code tree} is null for an empty file. */
        record Yaml(Object tree) implements FileContent {
        }

        /** A Markdown or starter-code file (UTF-8, line ends normalised to {@code \n}). */
        record Text(String text) implements FileContent {
        }

        /** A file that could not be read or parsed; {@code reason} says why (with line and column for YAML). */
        record Unreadable(String reason) implements FileContent {
        }

        /** Any other file: listed, not read. */
        record Other() implements FileContent {
        }
    }
}
