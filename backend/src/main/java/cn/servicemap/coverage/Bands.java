package cn.servicemap.coverage;

import cn.servicemap.system.InvalidValueException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Service-area bands (服务圈) in minutes: 1 to {@value CoverageLimits#MAX_BANDS} whole numbers, each
 * {@value CoverageLimits#MIN_BAND_MINUTES}–{@value CoverageLimits#MAX_BAND_MINUTES}, strictly ascending, e.g. 5, 10, 15.
 * Read from a query parameter ({@code bands=5,10,15}) or a JSON array ({@code [5, 10, 15]}); anything else is
 * refused with one message.
 */
@ArraySchema(schema = @Schema(type = "integer", minimum = "1", maximum = "120"), minItems = 1, maxItems = CoverageLimits.MAX_BANDS,
        arraySchema = @Schema(description = "Band limits in minutes, ascending, e.g. [5,10,15] (服务圈，分钟，递增)"))
public record Bands(List<Integer> minutes) {

    private static final String RULE = "时间圈应为 1–" + CoverageLimits.MAX_BANDS + " 个递增的整数分钟，每个 "
            + CoverageLimits.MIN_BAND_MINUTES + "–" + CoverageLimits.MAX_BAND_MINUTES + "，如 5,10,15 (bands must be 1 to "
            + CoverageLimits.MAX_BANDS + " ascending whole minutes within " + CoverageLimits.MIN_BAND_MINUTES + ".."
            + CoverageLimits.MAX_BAND_MINUTES + ", e.g. 5,10,15)";

    public Bands {
        if (minutes == null || minutes.isEmpty() || minutes.size() > CoverageLimits.MAX_BANDS) {
            throw new InvalidValueException("BAD_BANDS", RULE);
        }
        for (int i = 0; i < minutes.size(); i++) {
            Integer m = minutes.get(i);
            if (m == null || m < CoverageLimits.MIN_BAND_MINUTES || m > CoverageLimits.MAX_BAND_MINUTES
                    || (i > 0 && m <= minutes.get(i - 1))) {
                throw new InvalidValueException("BAD_BANDS", RULE);
            }
        }
        minutes = List.copyOf(minutes);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Bands of(List<Integer> minutes) {
        return new Bands(minutes == null ? null : new ArrayList<>(minutes));
    }

    @JsonValue
    @Override
    public List<Integer> minutes() {
        return minutes;
    }

    /** {@code 5,10,15} (ASCII or full-width commas). */
    public static Bands parse(String text) {
        List<Integer> minutes = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,，]", -1)) {
            try {
                minutes.add(Integer.valueOf(part.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidValueException("BAD_BANDS", RULE);
            }
        }
        return new Bands(minutes);
    }

    /** Binds the {@code bands} query parameter. */
    @Component
    static final class FromText implements Converter<String, Bands> {
        @Override
        public Bands convert(String source) {
            return parse(source);
        }
    }
}
