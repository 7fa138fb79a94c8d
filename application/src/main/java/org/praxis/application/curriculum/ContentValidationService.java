package org.praxis.application.curriculum;

import java.util.List;
import java.util.Objects;

import org.praxis.application.curriculum.document.ContentFolderParser;
import org.praxis.application.curriculum.port.in.ValidateContentUseCase;
import org.praxis.application.curriculum.port.out.ContentFolders;

/** {@code praxis content validate DIR} (CU5): every problem of a content folder, without a database. */
public final class ContentValidationService implements ValidateContentUseCase {
    private final ContentFolders folders;

    public ContentValidationService(ContentFolders folders) {
        this.folders = Objects.requireNonNull(folders);
    }

    @Override
    public List<ContentError> validate(String location) {
        return ContentFolderParser.parse(folders.read(location)).errors();
    }
}
