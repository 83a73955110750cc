package cn.servicemap.gis.table;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;

/**
 * Jackson 2 under {@link ReadLimits}, shared by the GeoJSON readers (station rows, {@link GeoJsonFeatures}): a
 * parser that refuses deep nesting and long strings itself, trees that count their values, and the user's words
 * for whatever the parser refused — never the parser's own, which name its settings.
 */
final class LimitedJson {

    private LimitedJson() {
    }

    /**
     * A factory builder whose parsers refuse nesting deeper than {@link ReadLimits#maxNestingDepth()} and strings and
     * property names longer than {@link ReadLimits#maxCellChars()} (checked by the parser as it reads, so a long string
     * is never built whole); numbers keep the parser's default of 1,000 digits.
     */
    static JsonFactoryBuilder factory(ReadLimits limits) {
        return new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxCellChars())
                        .maxNameLength(limits.maxCellChars())
                        .build());
    }

    /**
     * What to tell the user about a file the parser refused: a {@link ReadLimitException} for a limit it passed, else
     * an IOException saying on which line the file stops being JSON (a NUL byte named as such: a damaged or binary
     * file, or text that is not UTF-8). The parser's exception is the cause.
     */
    static IOException refusal(JsonProcessingException e, ReadLimits limits) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                String message = String.valueOf(t.getMessage());
                IOException refusal;
                if (message.contains("nesting")) {
                    refusal = new ReadLimitException("GeoJSON 嵌套超过 " + limits.maxNestingDepth() + " 层",
                            "the GeoJSON is nested more than " + limits.maxNestingDepth() + " levels deep");
                } else if (message.startsWith("String")) {
                    refusal = limits.cellTooLong("GeoJSON 中有一段文本", "a text in the GeoJSON");
                } else if (message.startsWith("Name")) {
                    refusal = limits.cellTooLong("GeoJSON 中有一个属性名", "a property name in the GeoJSON");
                } else {
                    // a number of more than a thousand digits, or a limit of a later parser version
                    refusal = new ReadLimitException("GeoJSON 中有数字或值过长", "a number or value in the GeoJSON is too long");
                }
                refusal.initCause(e);
                return refusal;
            }
        }
        String lineZh = e.getLocation() == null ? "" : "第 " + e.getLocation().getLineNr() + " 行";
        String lineEn = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
        // Jackson 2 says "Illegal character ((CTRL-CHAR, code 0)) ..." between tokens and "Illegal unquoted
        // character ((CTRL-CHAR, code 0)) ..." inside a string; UTF-8 JSON holds no 0x00 byte anywhere else
        if (String.valueOf(e.getOriginalMessage()).contains("(CTRL-CHAR, code 0)")) {
            return new IOException("文件" + lineZh + "含有 NUL 字节（0x00）：文件已损坏，或不是 UTF-8 编码的文本"
                    + " (the file holds a NUL byte (0x00)" + lineEn + ": it is damaged, or not UTF-8 text)", e);
        }
        return new IOException("文件不是有效的 JSON" + (lineZh.isEmpty() ? "" : "（" + lineZh + "）")
                + " (the file is not valid JSON" + (e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr()) + ")", e);
    }

    /** A tree holds more values than its {@link CountingNodeFactory} allows; the caller says which limit that is. */
    static final class TooManyValues extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyValues() {
            super(null, null, false, false);
        }
    }

    /**
     * Builds tree nodes as the default factory does, counting them: the trees built since the last
     * {@link #reset()} may hold {@code max} values together (the station reader resets before each feature,
     * the district reader never). Not thread-safe, like the reader that owns it.
     */
    static class CountingNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;
        private final int max;
        private int count;

        CountingNodeFactory(int max) {
            super(); // as JsonNodeFactory.instance, the mapper's default
            this.max = max;
        }

        void reset() {
            count = 0;
        }

        private void count() {
            if (++count > max) {
                throw new TooManyValues();
            }
        }

        @Override
        public BooleanNode booleanNode(boolean v) {
            count();
            return super.booleanNode(v);
        }

        @Override
        public NullNode nullNode() {
            count();
            return super.nullNode();
        }

        @Override
        public NumericNode numberNode(int v) {
            count();
            return super.numberNode(v);
        }

        @Override
        public NumericNode numberNode(long v) {
            count();
            return super.numberNode(v);
        }

        @Override
        public NumericNode numberNode(double v) {
            count();
            return super.numberNode(v);
        }

        @Override
        public ValueNode numberNode(BigInteger v) {
            count();
            return super.numberNode(v);
        }

        @Override
        public ValueNode numberNode(BigDecimal v) {
            count();
            return super.numberNode(v);
        }

        @Override
        public TextNode textNode(String text) {
            count();
            return super.textNode(text);
        }

        @Override
        public ArrayNode arrayNode() {
            count();
            return super.arrayNode();
        }

        @Override
        public ArrayNode arrayNode(int capacity) {
            count();
            return super.arrayNode(capacity);
        }

        @Override
        public ObjectNode objectNode() {
            count();
            return super.objectNode();
        }
    }
}
