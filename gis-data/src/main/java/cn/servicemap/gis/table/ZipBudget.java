package cn.servicemap.gis.table;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The unzipped-bytes budget of one archive ({@link ReadLimits#maxUnzippedBytes()}): every entry is read
 * through a stream that counts the bytes actually inflated and refuses the archive once all entries
 * together pass the limit. An entry read twice counts once (its longest read). The sizes the zip
 * declares are only used to refuse early, never to allow: an entry that declares more than is left of
 * the budget is refused before it is inflated. Only stored and deflated entries are read (the two
 * methods Excel and GIS software write); any other method is refused, since libraries that support
 * more (bzip2, deflate64) would inflate what this budget never saw.
 */
final class ZipBudget {

    private final ZipFile zip;
    private final ReadLimits limits;
    private final String whatZh;
    private final String whatEn;
    private final Map<ZipEntry, Long> inflated = new IdentityHashMap<>();
    private long total;

    /**
     * @param whatZh what the archive is, for messages: "工作簿", "压缩包"
     * @param whatEn the same in English: "the workbook", "the zip"
     * @throws ReadLimitException if the archive lists more than {@link ReadLimits#maxZipEntries()} entries
     */
    ZipBudget(ZipFile zip, ReadLimits limits, String whatZh, String whatEn) throws ReadLimitException {
        this.zip = zip;
        this.limits = limits;
        this.whatZh = whatZh;
        this.whatEn = whatEn;
        if (zip.size() > limits.maxZipEntries()) {
            throw limits.tooManyEntries(whatZh, whatEn);
        }
    }

    /** Opens an entry for reading; the stream refuses the archive when the budget is spent. */
    InputStream open(ZipEntry entry) throws IOException {
        checkMethod(entry);
        long others = total - inflated.getOrDefault(entry, 0L);
        if (entry.getSize() > limits.maxUnzippedBytes() - others) {
            throw tooLarge();
        }
        return new Counting(zip.getInputStream(entry), entry);
    }

    /** Reads an entry to its end, counting it. */
    void drain(ZipEntry entry) throws IOException {
        try (InputStream in = open(entry)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    void checkMethod(ZipEntry entry) throws IOException {
        if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
            throw new IOException(whatZh + "使用了不支持的压缩方式，请重新压缩后上传 (" + whatEn
                    + " uses a compression method that is not supported: compress it again with the usual settings)");
        }
    }

    /** Damaged compressed data, told without the zip library's message. */
    private IOException damaged(IOException cause) {
        return new IOException(whatZh + "已损坏，无法解压 (" + whatEn + " is damaged: it cannot be unzipped)", cause);
    }

    ReadLimitException tooLarge() {
        return limits.unzipsTooLarge(whatZh, whatEn);
    }

    private void count(ZipEntry entry, long bytesRead) throws ReadLimitException {
        long before = inflated.getOrDefault(entry, 0L);
        if (bytesRead > before) {
            inflated.put(entry, bytesRead);
            total += bytesRead - before;
            if (total > limits.maxUnzippedBytes()) {
                throw tooLarge();
            }
        }
    }

    /** Counts what is read or skipped of one entry. */
    private final class Counting extends FilterInputStream {
        private final ZipEntry entry;
        private long read;

        Counting(InputStream in, ZipEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = in.read();
            } catch (ZipException | EOFException e) {
                throw damaged(e);
            }
            if (b >= 0) {
                count(entry, ++read);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw damaged(e);
            }
            if (n > 0) {
                read += n;
                count(entry, read);
            }
            return n;
        }

        /** Skips at most 64 KiB at a time (callers loop), since an inflater inflates all it skips before it returns. */
        @Override
        public long skip(long n) throws IOException {
            long skipped;
            try {
                skipped = in.skip(Math.min(n, 64 * 1024));
            } catch (ZipException | EOFException e) {
                throw damaged(e);
            }
            if (skipped > 0) {
                read += skipped;
                count(entry, read);
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
