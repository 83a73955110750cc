package cn.servicemap.standards;

import cn.servicemap.gis.standards.StandardCheck;
import cn.servicemap.gis.standards.StandardItem;
import cn.servicemap.gis.standards.StarCriteria;
import cn.servicemap.gis.standards.StarScheme;
import cn.servicemap.gis.standards.StationFacts;
import cn.servicemap.stations.ServicePoint;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Stations against their region's checklist and star scheme, in bulk: what the region chose is read once for a whole
 * list ({@link StandardChoices#byAdcode}), then each station's record is checked in memory
 * ({@link StandardCheck}, {@link StarCriteria}). A station of a kind the checklist does not measure (a legal-aid point
 * against a rest station's microwave) gets no verdict.
 */
@Component
public class StationStandards {

    @Schema(description = "The station against its region's checklist (达标情况): items met, missing and to be checked on site, "
            + "by their names as the checklist words them")
    public record StationStandard(@Schema(description = "The checklist's code, e.g. WUHAN_7") String code,
                                  @Schema(description = "e.g. 武汉“七个一”") String name, List<String> met,
                                  @Schema(description = "Items the record shows it lacks (缺少)") List<String> missing,
                                  @Schema(description = "Items the record cannot tell (需现场核实)") List<String> unknown) {

        static StationStandard of(String name, StandardCheck.Result r) {
            return new StationStandard(r.code(), name, names(r.met()), names(r.missing()), names(r.unknown()));
        }
    }

    /**
     * One station's verdicts.
     *
     * @param standard null when the checklist does not measure the station's kind
     * @param stars    null when the star scheme does not grade the station's kind
     * @param scheme   the region's star scheme
     */
    public record Assessment(StationStandard standard, StarCriteria.Evaluation stars, StarScheme scheme) {
    }

    private final StandardChoices choices;

    StationStandards(StandardChoices choices) {
        this.choices = choices;
    }

    /** The registry facts a standard can check. */
    public static StationFacts facts(ServicePoint p) {
        return new StationFacts(Set.copyOf(p.services()), p.staffed(), p.stepFree(), p.areaM2(), p.capacity());
    }

    /** Each station's verdicts by id; one query for the regions' choices. */
    public Map<Long, Assessment> assess(List<ServicePoint> points) {
        Map<Long, Assessment> out = new HashMap<>();
        if (points.isEmpty()) {
            return out;
        }
        Function<String, StandardChoices.InUse> inUse = choices.byAdcode();
        for (ServicePoint p : points) {
            out.put(p.id(), assess(p, inUse.apply(p.adcode())));
        }
        return out;
    }

    static Assessment assess(ServicePoint p, StandardChoices.InUse in) {
        StationFacts facts = facts(p);
        StationStandard standard = in.standard().appliesTo(p.kind())
                ? StationStandard.of(in.standard().nameZh(), StandardCheck.check(in.standard(), facts)) : null;
        StarCriteria.Evaluation stars = in.scheme().appliesTo(p.kind()) ? StarCriteria.evaluate(in.scheme(), facts) : null;
        return new Assessment(standard, stars, in.scheme());
    }

    /** Item names, as lists and tables show them. */
    public static List<String> names(List<StandardItem> items) {
        return items.stream().map(StandardItem::nameZh).toList();
    }
}
