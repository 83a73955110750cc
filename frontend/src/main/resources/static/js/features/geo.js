// GeoJSON (WGS84) on the map through the view's datum: every vertex goes through view.toDisplay, so
// polygons sit right on a GCJ-02 basemap too.
import L from '../leaflet.js';

export function geoJsonLayer(view, data, options = {}) {
  return L.geoJSON(data, {
    ...options,
    coordsToLatLng: (c) => {
      const [lat, lng] = view.toDisplay(c[0], c[1]);
      return L.latLng(lat, lng);
    },
  });
}
