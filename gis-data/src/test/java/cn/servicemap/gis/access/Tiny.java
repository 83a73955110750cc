package cn.servicemap.gis.access;

import cn.servicemap.gis.network.RoadNetworkBuilder;

/** Helpers for hand-drawn test graphs: node (x, y) sits x*100 m east and y*100 m north of a point in Nanjing. */
final class Tiny {
    static final double LON0 = 118.78;
    static final double LAT0 = 32.04;
    static final double DLAT = 100 / 111_195.08;
    static final double DLON = DLAT / Math.cos(Math.toRadians(LAT0));

    private Tiny() {
    }

    static int node(RoadNetworkBuilder b, double x, double y) {
        return b.addNode(LON0 + x * DLON, LAT0 + y * DLAT);
    }

    static double lon(double x) {
        return LON0 + x * DLON;
    }

    static double lat(double y) {
        return LAT0 + y * DLAT;
    }
}
