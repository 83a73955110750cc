package cn.servicemap.gis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The disk of a cache folder filled up while gis-data wrote a cache there (the road network's GraphHopper graph and
 * manifest, a population surface): the one exception the caller gets, whatever the writer wrapped the system's error
 * in, after the partly written cache has been deleted. The message is meant for an operator, Chinese first and English
 * in brackets: the folder, the bytes usable on its disk now that the partial cache is gone, and what to do.
 *
 * <p>Recognised by the system's words for ENOSPC ("No space left on device", Linux and macOS) and ERROR_DISK_FULL
 * ("There is not enough space on the disk", Windows) in an {@link IOException} anywhere among the causes. Writes through
 * a memory-mapped file report a full disk as a bus error (an {@link InternalError}), which is not recognised: gis-data
 * writes its caches through streams and channels (GraphHopper's default RAM_STORE flushes through a
 * {@link java.io.RandomAccessFile}).
 */
public final class CacheDiskFullException extends IOException {

    private static final long serialVersionUID = 1L;
    private static final Set<String> DISK_FULL = Set.of("no space left on device", "not enough space on the disk");

    private final transient Path folder;
    private final long usableBytes;

    /**
     * Reads the usable space of the folder's disk now: to be made after the partial cache has been deleted.
     *
     * @param whatZh what the folder holds, for the message: "路网缓存文件夹"
     * @param whatEn the same in English: "road network cache folder"
     * @param folder the folder that was being written
     * @param cause  the failure, as the writer threw it
     */
    public CacheDiskFullException(String whatZh, String whatEn, Path folder, Throwable cause) {
        this(whatZh, whatEn, folder.toAbsolutePath(), usableBytes(folder), cause);
    }

    private CacheDiskFullException(String whatZh, String whatEn, Path folder, long usableBytes, Throwable cause) {
        super(whatZh + " " + folder + " 所在的磁盘已满。未写完的缓存已删除，"
                + (usableBytes < 0 ? "该磁盘的可用空间无法读取" : "该磁盘现有 " + grouped(usableBytes) + " 字节（" + megabytes(usableBytes)
                + "）可用") + "。请释放该磁盘的空间，或把缓存文件夹移到空间更大的磁盘，然后重新加载"
                + " (the disk of the " + whatEn + " " + folder + " is full. The partly written cache was deleted; "
                + (usableBytes < 0 ? "the usable space of that disk could not be read" : grouped(usableBytes) + " bytes ("
                + megabytes(usableBytes) + ") are usable on that disk now") + ". Free space on it, or move the cache folder"
                + " to a disk with more room, then load again)", cause);
        this.folder = folder;
        this.usableBytes = usableBytes;
    }

    /** Whether the failure, one of its causes or an exception suppressed along them says that the disk is full. */
    public static boolean isDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (DISK_FULL.stream().anyMatch(message::contains)) {
                    return true;
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isDiskFull(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The cache folder whose disk is full. */
    public Path folder() {
        return folder;
    }

    /** Bytes usable on the folder's disk after the partial cache was deleted; -1 if the disk could not be asked. */
    public long usableBytes() {
        return usableBytes;
    }

    /** The usable space of the disk of the folder, or of its nearest existing parent; -1 if that cannot be read. */
    private static long usableBytes(Path folder) {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace();
                } catch (IOException | RuntimeException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1.9 MB": binary megabytes, as file managers show them. */
    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
    }
}
