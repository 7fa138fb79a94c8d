package org.praxis.application.curriculum.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.praxis.application.curriculum.port.out.ContentFolders;

/** {@link ContentFolders} holding folders the test put in, by location. */
public final class InMemoryContentFolders implements ContentFolders {
    private final Map<String, ContentFolder> folders = new HashMap<>();

    public synchronized void put(ContentFolder folder) {
        folders.put(folder.location(), folder);
    }

    @Override
    public synchronized ContentFolder read(String location) {
        ContentFolder folder = folders.get(location);
        if (folder == null) {
            var files = new TreeMap<String, FileContent>();
            files.put(".", new FileContent.Unreadable("is not a folder"));
            return new ContentFolder(location, files);
        }
        return folder;
    }
}
