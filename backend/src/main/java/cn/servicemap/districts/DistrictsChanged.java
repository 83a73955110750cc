package cn.servicemap.districts;

/** Published after district boundaries or census figures were stored: what is computed from them is stale. */
public record DistrictsChanged(String source) {
}
