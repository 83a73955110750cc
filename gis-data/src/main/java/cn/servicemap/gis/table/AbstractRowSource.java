package cn.servicemap.gis.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Single-pass iteration and close bookkeeping shared by the readers, and the last line of the row
 * limit: a row beyond {@link ReadLimits#maxRows()} ends the iteration with a {@link ReadLimitException}
 * (the readers try to refuse such files at open already).
 */
abstract class AbstractRowSource implements RowSource {

    protected final ReadLimits limits;
    private boolean iterated;
    private boolean closed;
    private int rowsRead;

    protected AbstractRowSource(ReadLimits limits) {
        this.limits = limits;
    }

    /** Reads the next row, or returns null at the end of the data. */
    protected abstract SourceRow readNext() throws IOException;

    /** Releases files and streams; called once. */
    protected abstract void closeResources() throws IOException;

    @Override
    public final Iterator<SourceRow> iterator() {
        if (closed) {
            throw new IllegalStateException("the row source is closed");
        }
        if (iterated) {
            throw new IllegalStateException("the rows of a RowSource can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            private SourceRow next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    if (closed) {
                        done = true;
                        return false;
                    }
                    try {
                        next = readNext();
                    } catch (IOException e) {
                        done = true;
                        throw new UncheckedIOException(e);
                    }
                    if (next != null && ++rowsRead > limits.maxRows()) {
                        next = null;
                        done = true;
                        throw new UncheckedIOException(limits.tooManyRows());
                    }
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceRow row = next;
                next = null;
                return row;
            }
        };
    }

    @Override
    public final void close() throws IOException {
        if (!closed) {
            closed = true;
            closeResources();
        }
    }
}
