// Leaflet comes from the WebJar (org.webjars.npm:leaflet:1.9.4), loaded by the page as a classic
// script (the minified build is a third the size of the ES-module source build): this module hands
// the global to the others so that only this file and the pages' <link>/<script> know about it.
const L = window.L;
if (!L) {
  throw new Error('Leaflet did not load (/webjars/leaflet/1.9.4/dist/leaflet.js)');
}
export default L;
