package cn.servicemap.map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web map under {@code servicemap.map.*}.
 *
 * @param online an optional online tile layer offered beside the offline basemap; off when its url is blank
 */
@ConfigurationProperties("servicemap.map")
public record MapProperties(@DefaultValue Online online) {

    /**
     * An online raster tile layer (e.g. a provincial 天地图 or AMap service the deployment is allowed to use).
     *
     * @param url         Leaflet URL template, e.g. {@code https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&…};
     *                    blank = no online layer
     * @param crs         the datum of its tiles: WGS84 (OSM, 天地图) or GCJ02 (AMap, Tencent); with GCJ02 the page
     *                    shifts every overlay to GCJ-02 for display and every click back to WGS84
     * @param attribution its credit line, shown on the map
     * @param subdomains  letters or digits for {s}, e.g. "1234"
     * @param maxZoom     deepest zoom the service has
     * @param name        the name in the basemap switcher
     */
    public record Online(String url, @DefaultValue("WGS84") String crs, String attribution, String subdomains,
                         @DefaultValue("18") int maxZoom, @DefaultValue("在线地图") String name) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }
}
