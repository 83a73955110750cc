package cn.servicemap.gis.network;

import com.graphhopper.reader.ReaderWay;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.DefaultImportRegistry;
import com.graphhopper.routing.ev.EdgeIntAccess;
import com.graphhopper.routing.ev.ImportRegistry;
import com.graphhopper.routing.ev.ImportUnit;
import com.graphhopper.routing.ev.SimpleBooleanEncodedValue;
import com.graphhopper.routing.util.parsers.TagParser;
import com.graphhopper.storage.IntsRef;

import java.util.List;

/**
 * GraphHopper's import registry plus one encoded value of our own, {@code sidewalk}: true when the way is tagged
 * {@code sidewalk=yes|both|left|right} or {@code sidewalk:both|left|right=yes}. The walk model uses it to keep
 * trunk roads that have a sidewalk. ({@code sidewalk=separate} means the sidewalk is its own way, so the road
 * itself stays closed to pedestrians.)
 */
final class ServiceMapImportRegistry implements ImportRegistry {
    static final String SIDEWALK = "sidewalk";
    private final DefaultImportRegistry defaults = new DefaultImportRegistry();

    @Override
    public ImportUnit createImportUnit(String name) {
        if (SIDEWALK.equals(name))
            return ImportUnit.create(name, props -> new SimpleBooleanEncodedValue(SIDEWALK, false),
                    (lookup, props) -> new SidewalkParser(lookup.getBooleanEncodedValue(SIDEWALK)));
        return defaults.createImportUnit(name);
    }

    private static final class SidewalkParser implements TagParser {
        private static final List<String> VALUES = List.of("yes", "both", "left", "right");
        private final BooleanEncodedValue sidewalk;

        SidewalkParser(BooleanEncodedValue sidewalk) {
            this.sidewalk = sidewalk;
        }

        @Override
        public void handleWayTags(int edgeId, EdgeIntAccess edgeIntAccess, ReaderWay way, IntsRef relationFlags) {
            boolean has = way.hasTag("sidewalk", VALUES) || way.hasTag("sidewalk:both", "yes")
                    || way.hasTag("sidewalk:left", "yes") || way.hasTag("sidewalk:right", "yes");
            sidewalk.setBool(false, edgeId, edgeIntAccess, has);
        }
    }
}
