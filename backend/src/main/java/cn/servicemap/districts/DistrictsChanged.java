package cn.servicemap.districts;

/**
 * Published after district boundaries or census figures were stored: what is computed from them is stale.
 *
 * @param regionCode the region whose districts changed, or null when it cannot be told (then every region is stale)
 */
public record DistrictsChanged(String source, String regionCode) {
}
