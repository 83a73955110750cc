package cn.servicemap.gis.coverage;

/**
 * Coverage within one time band: people whose place is within {@code minutes} of a station (including
 * the walk from the place to its street), and street length within reach.
 *
 * @param peopleShare covered ÷ people in the study area, 0..1 (0 when nobody lives there)
 * @param roadShare   covered ÷ street length in the study area, 0..1
 */
public record BandCoverage(int minutes, double peopleCovered, double peopleShare, double roadKmCovered, double roadShare) {
}
