package cn.servicemap.districts;

import cn.servicemap.security.Access;
import cn.servicemap.system.AuditLog;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.CensusTable;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictBoundaryReader;
import cn.servicemap.gis.districts.DistrictLocator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Imports district boundaries and census population, each file in one transaction. */
@Service
public class DistrictService {

    private static final Logger log = LoggerFactory.getLogger(DistrictService.class);

    /** What a census import matched. */
    public record CensusResult(int matched, List<String> districtsWithoutCensus) {
    }

    private final DistrictRepository repository;
    private final RegionIndex region;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    private final AuditLog audit;
    private final Access access;
    private final cn.servicemap.region.RegionRepository regions;

    /** What the audit trail keeps of a district (not its boundary: the source file names it). */
    record DistrictState(String name, String level, double areaKm2, Long population, String populationSource, String boundarySource) {
        static DistrictState of(District d) {
            return d == null ? null : new DistrictState(d.nameZh(), d.level(), Math.round(d.areaKm2() * 100) / 100.0, d.population(),
                    d.populationSource(), d.boundarySource());
        }
    }

    DistrictService(DistrictRepository repository, RegionIndex region, TransactionTemplate tx, ApplicationEventPublisher events,
                    AuditLog audit, Access access, cn.servicemap.region.RegionRepository regions) {
        this.regions = regions;
        this.audit = audit;
        this.access = access;
        this.repository = repository;
        this.region = region;
        this.tx = tx;
        this.events = events;
    }

    /**
     * Reads boundaries (converting from {@code crs} to WGS84) and stores them as districts of the region (null: of
     * no region yet); returns them.
     */
    public List<DistrictBoundary> importBoundaries(InputStream geojson, CoordinateSystem crs, String source, String regionCode)
            throws IOException {
        List<DistrictBoundary> boundaries = DistrictBoundaryReader.read(geojson, crs);
        store(boundaries, source, false, regionCode);
        return boundaries;
    }

    public void store(Collection<DistrictBoundary> boundaries, String source, boolean synthetic, String regionCode) {
        tx.executeWithoutResult(s -> {
            boundaries.forEach(b -> upsertAudited(b, source, synthetic, regionCode));
            changed(source, regionCode);
        });
        region.refresh();
        log.info("Stored {} district boundaries from {}", boundaries.size(), source);
    }

    /**
     * The region's districts become exactly {@code boundaries}: they are stored, the stations of districts the new set
     * drops move to the new district that contains them, and the dropped districts are deleted, in one transaction.
     * Refused (nothing written) when a station would be left outside every new district: {@link #strandedStations}
     * names them first.
     */
    public void replaceRegionDistricts(Collection<DistrictBoundary> boundaries, String source, String regionCode) {
        List<String> keep = boundaries.stream().map(DistrictBoundary::adcode).toList();
        DistrictLocator locator = new DistrictLocator(boundaries, RegionIndex.BOUNDARY_TOLERANCE_IN_METERS);
        tx.executeWithoutResult(s -> {
            boundaries.forEach(b -> upsertAudited(b, source, false, regionCode));
            List<DistrictRepository.PlacedStation> moving = repository.stationsOutside(regionCode, keep);
            for (DistrictRepository.PlacedStation st : moving) {
                String to = locator.locate(st.lon(), st.lat()).orElseThrow(() -> new IllegalStateException(
                        "station " + st.id() + " lies outside every new district of region " + regionCode));
                repository.moveStation(st.id(), to);
            }
            int dropped = repository.deleteOthers(regionCode, keep);
            if (dropped > 0) {
                log.info("Region {}: {} districts no longer in its boundary file were removed; {} of their stations moved to the "
                        + "new districts that contain them", regionCode, dropped, moving.size());
            }
            changed(source, regionCode);
        });
        region.refresh();
        log.info("Stored {} district boundaries from {}", boundaries.size(), source);
    }

    /**
     * In the transaction of a change to the region's districts or census: the region's revision counts it (other
     * instances see it there), and this instance drops what it built from them at once.
     */
    private void changed(String source, String regionCode) {
        regions.revise(regionCode);
        events.publishEvent(new DistrictsChanged(source, regionCode));
    }

    /** Stores one boundary, audited with the district as it was and as it is. */
    private void upsertAudited(DistrictBoundary b, String source, boolean synthetic, String regionCode) {
        DistrictState before = DistrictState.of(repository.findByAdcode(b.adcode()).orElse(null));
        repository.upsertBoundary(b, source, synthetic, regionCode);
        audit.record(AuditLog.Entity.DISTRICT, b.adcode(), before == null ? "CREATE" : "REPLACE", access.actor(), regionCode, before,
                DistrictState.of(repository.findByAdcode(b.adcode()).orElse(null)));
    }

    /**
     * The districts of {@code boundaries} that already belong to another region: an adcode names one district of one
     * region, so a region may not take over another's (two regions would share, and fight over, its stations).
     */
    public List<String> ownedByOtherRegions(Collection<DistrictBoundary> boundaries, String regionCode) {
        return repository.ownedByOtherRegions(boundaries.stream().map(DistrictBoundary::adcode).toList(), regionCode);
    }

    /**
     * The stations of the region that no district of {@code boundaries} would contain (they lie in districts the new
     * set drops, outside every new one): a re-import that would strand them is refused, naming them.
     */
    public List<String> strandedStations(Collection<DistrictBoundary> boundaries, String regionCode) {
        List<String> keep = boundaries.stream().map(DistrictBoundary::adcode).toList();
        DistrictLocator locator = new DistrictLocator(boundaries, RegionIndex.BOUNDARY_TOLERANCE_IN_METERS);
        return repository.stationsOutside(regionCode, keep).stream()
                .filter(st -> locator.locate(st.lon(), st.lat()).isEmpty())
                .map(st -> "#" + st.id() + " " + st.name() + "（" + st.adcode() + "）")
                .toList();
    }

    /**
     * Sets the population of each district of the region (null: of every district) from a census table keyed by
     * adcode; other rows are ignored.
     */
    public CensusResult importCensus(InputStream csv, String source, String regionCode) throws IOException {
        return applyCensus(CensusTable.read(csv).records(), source, regionCode);
    }

    public CensusResult applyCensus(Map<String, CensusRecord> census, String source, String regionCode) {
        return tx.execute(s -> {
            int matched = 0;
            List<String> missing = new ArrayList<>();
            for (District d : repository.findAll(regionCode)) {
                CensusRecord r = census.get(d.adcode());
                if (r == null) {
                    missing.add(d.adcode() + " " + d.nameZh());
                } else if (repository.setPopulation(d.adcode(), r.population(), r.urbanShare(), source)) {
                    matched++;
                    audit.record(AuditLog.Entity.CENSUS, d.adcode(), "SET", access.actor(), regionCode, DistrictState.of(d),
                            DistrictState.of(repository.findByAdcode(d.adcode()).orElse(null)));
                }
            }
            changed(source, regionCode);
            if (!missing.isEmpty()) {
                log.warn("No census figure for districts {}: their population stays empty; import a census table that has them.", missing);
            }
            return new CensusResult(matched, List.copyOf(missing));
        });
    }

}
