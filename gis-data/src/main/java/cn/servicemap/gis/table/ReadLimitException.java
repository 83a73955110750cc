package cn.servicemap.gis.table;

import java.io.IOException;

/**
 * An uploaded file goes beyond one of the {@link ReadLimits}: too many rows or columns, a cell too long, a
 * zip that inflates too far, nesting too deep. The message is meant for the user, Chinese first and
 * English in brackets (e.g. "表格列数超过 200 列 (more than 200 columns)"), and names no library. Thrown by
 * {@link RowSources#open}, or while iterating a {@link RowSource}, wrapped in an
 * {@link java.io.UncheckedIOException}.
 */
public final class ReadLimitException extends IOException {

    private static final long serialVersionUID = 1L;

    ReadLimitException(String messageZh, String messageEn) {
        super(messageZh + " (" + messageEn + ")");
    }
}
