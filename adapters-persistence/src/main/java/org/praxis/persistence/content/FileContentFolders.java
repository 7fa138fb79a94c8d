package org.praxis.persistence.content;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.praxis.application.curriculum.port.out.ContentFolders;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Content folders on a file system: a directory, or {@code classpath:NAME} for one shipped in a jar
 * (read through the jar's own file system). YAML is parsed with duplicate keys refused and decimals
 * kept exact; Markdown and starter files are read as UTF-8 with line ends normalised, a byte-order mark
 * dropped and trailing white space trimmed, so that an editor's habits never make a new version.
 * Hidden files and folders (a {@code .git} checkout, say) are skipped.
 */
public final class FileContentFolders implements ContentFolders {
    public static final String CLASSPATH = "classpath:";
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final ObjectMapper yaml;
    private final ClassLoader classLoader;

    public FileContentFolders() {
        this(FileContentFolders.class.getClassLoader());
    }

    /** Reads {@code classpath:} locations through {@code classLoader}. */
    public FileContentFolders(ClassLoader classLoader) {
        this.classLoader = classLoader;
        var factory = YAMLFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                .build();
        this.yaml = YAMLMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    @Override
    public ContentFolder read(String location) {
        if (location.startsWith(CLASSPATH)) {
            return readClasspath(location);
        }
        return readDirectory(location, Path.of(location));
    }

    private ContentFolder readClasspath(String location) {
        String name = location.substring(CLASSPATH.length()).replaceAll("^/+", "");
        URL url = classLoader.getResource(name);
        if (url == null) {
            return unreadable(location, "is not on the class path");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException open) {
                    return readDirectory(location, FileSystems.getFileSystem(uri).provider().getPath(uri));
                }
                try (jar) {
                    return readDirectory(location, jar.provider().getPath(uri));
                }
            }
            return readDirectory(location, Path.of(uri));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return unreadable(location, "cannot be opened: " + e.getMessage());
        }
    }

    private ContentFolder readDirectory(String location, Path root) {
        if (!Files.isDirectory(root)) {
            return unreadable(location, "is not a folder");
        }
        var files = new TreeMap<String, FileContent>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(path -> !hidden(root, path))
                    .forEach(path -> files.put(relative(root, path), content(path)));
        } catch (IOException | RuntimeException e) {
            return unreadable(location, "cannot be listed: " + e.getMessage());
        }
        return new ContentFolder(location, files);
    }

    private FileContent content(Path path) {
        String name = path.getFileName().toString();
        boolean isYaml = name.endsWith(".yaml") || name.endsWith(".yml");
        boolean isText = name.endsWith(".md") || name.startsWith("starter.");
        if (!isYaml && !isText) {
            return new FileContent.Other();
        }
        String text;
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                return new FileContent.Unreadable("is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
            }
            text = utf8(Files.readAllBytes(path));
        } catch (CharacterCodingException e) {
            return new FileContent.Unreadable("is not UTF-8 text");
        } catch (IOException e) {
            return new FileContent.Unreadable("cannot be read: " + e.getMessage());
        }
        if (isText) {
            return new FileContent.Text(text.stripTrailing());
        }
        if (text.isBlank()) {
            return new FileContent.Yaml(null);
        }
        try {
            JsonNode tree = yaml.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return new FileContent.Yaml(null);
            }
            return new FileContent.Yaml(yaml.treeToValue(tree, Object.class));
        } catch (JsonProcessingException e) {
            return new FileContent.Unreadable("is not valid YAML: " + yamlProblem(e));
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** "line 3, column 5: <what>", without Jackson's source excerpt. */
    private static String yamlProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        message = message.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("in ")
                && !line.startsWith("at [") && !line.startsWith("^")).findFirst().orElse(message.strip());
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + message;
        }
        return message;
    }

    private static boolean hidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path path) {
        var parts = new StringBuilder();
        for (Path part : root.relativize(path)) {
            if (parts.length() > 0) {
                parts.append('/');
            }
            parts.append(part);
        }
        return parts.toString();
    }

    private static ContentFolder unreadable(String location, String reason) {
        var files = new TreeMap<String, FileContent>();
        files.put(".", new FileContent.Unreadable(reason));
        return new ContentFolder(location, files);
    }
}
