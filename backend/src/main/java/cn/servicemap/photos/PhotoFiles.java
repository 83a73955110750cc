package cn.servicemap.photos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Photos kept on disk ({@code servicemap.photos.storage=disk}): {@code dir/<id ÷ 1000>/<id>.jpg} and
 * {@code <id>.thumb.jpg}, each written to a temporary file and moved into place, so that a reader never sees half a
 * file. An id's files never change; they are deleted with the photo.
 */
final class PhotoFiles {

    private final Path dir;

    PhotoFiles(Path dir) {
        this.dir = dir;
    }

    void write(long id, byte[] image, byte[] thumbnail) throws IOException {
        Path folder = folder(id);
        Files.createDirectories(folder);
        put(path(id, false), image);
        put(path(id, true), thumbnail);
    }

    /** The bytes, or empty when the file is not there. */
    Optional<byte[]> read(long id, boolean thumbnail) {
        try {
            return Optional.of(Files.readAllBytes(path(id, thumbnail)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes both files; a file already gone is no error. */
    void delete(long id) {
        for (boolean thumbnail : new boolean[]{false, true}) {
            try {
                Files.deleteIfExists(path(id, thumbnail));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Path path(long id, boolean thumbnail) {
        return folder(id).resolve(id + (thumbnail ? ".thumb.jpg" : ".jpg"));
    }

    private Path folder(long id) {
        return dir.resolve(String.valueOf(id / 1000));
    }

    private static void put(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
