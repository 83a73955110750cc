package cn.servicemap.gis.population;

import java.util.Locale;

/**
 * How much of one district the study area covers and how many of its people live there.
 *
 * <p>Areas are measured in the population surface's local metric projection (so the covered share
 * is a ratio of two areas measured the same way, exactly 1 for a district wholly inside).
 *
 * @param adcode             6-digit district code
 * @param nameZh             district name, e.g. 玄武区
 * @param censusPeople       the district's resident population from the census table (0 for a
 *                           district that is not covered and has no census figure)
 * @param districtAreaKm2    area of the whole district, km²
 * @param coveredAreaKm2     area of district ∩ study area, km² (the district's cells sum to it, less
 *                           the slivers under {@value PopulationSurface#MIN_PIECE_IN_SQUARE_METERS} m² dropped)
 * @param coveredShareOfArea coveredAreaKm2 ÷ districtAreaKm2, 0…1
 * @param estimatedPeople    people estimated to live in the covered part, whole people, never more
 *                           than {@code censusPeople}; the district's cells sum to exactly this on a residents'
 *                           surface (a surface of other {@link PopulationSurface#demand() demand} keeps it for rates
 *                           per resident, and its method states the demand's sum)
 * @param cells              number of surface cells of the district
 * @param cellsWithBuildings how many of them have a building outline mapped (dwelling or not)
 * @param weighting          what the estimate was spread over, cell by cell
 * @param method             one sentence for reports: the covered part, how the people (or the
 *                           demand) were estimated and how they were spread (synthetic data says so)
 */
public record DistrictShare(String adcode, String nameZh, long censusPeople, double districtAreaKm2,
                            double coveredAreaKm2, double coveredShareOfArea, long estimatedPeople, int cells,
                            int cellsWithBuildings, Weighting weighting, String method) {

    public DistrictShare {
        if (estimatedPeople < 0 || estimatedPeople > censusPeople) {
            throw new IllegalArgumentException(adcode + ": estimated people " + estimatedPeople
                    + " must lie between 0 and the census figure " + censusPeople);
        }
        if (!(coveredShareOfArea >= 0 && coveredShareOfArea <= 1)) {
            throw new IllegalArgumentException(adcode + ": covered share " + coveredShareOfArea + " outside 0…1");
        }
    }

    /** "covered part of 玄武区: 1.23 km² of 75.46 km² (1.6 %)". */
    public String coveredPart() {
        return String.format(Locale.ROOT, "covered part of %s: %.2f km² of %.2f km² (%.1f %%)", nameZh,
                coveredAreaKm2, districtAreaKm2, coveredShareOfArea * 100);
    }

    /** The district's mean density, census people ÷ district area, per km². */
    public double meanDensityPerKm2() {
        return districtAreaKm2 > 0 ? censusPeople / districtAreaKm2 : 0;
    }

    DistrictShare withMethod(String text) {
        return new DistrictShare(adcode, nameZh, censusPeople, districtAreaKm2, coveredAreaKm2, coveredShareOfArea,
                estimatedPeople, cells, cellsWithBuildings, weighting, text);
    }
}
