// Leaflet comes from the WebJar (org.webjars.npm:leaflet:1.9.4), loaded by the page as a classic
// script with defer (the minified build is a third the size of the ES-module source build; deferred scripts
// run in document order before the page's modules): this module hands the global to the others so that only
// this file and the pages' <script>/<link> tags know about it.
const L = window.L;
if (!L) {
  throw new Error('Leaflet did not load (/webjars/leaflet/1.9.4/dist/leaflet.js)');
}
export default L;

const CSS = '/webjars/leaflet/1.9.4/dist/leaflet.css';

/**
 * Leaflet's stylesheet, resolved once it applies (or failed: the map then still works, unstyled). Not a
 * <link rel="stylesheet"> in the page's head, where it would hold back the first paint: the pages preload it and
 * app.js waits for this before building the map. A page that links it itself keeps its own link.
 */
export const leafletStyles = new Promise((resolve) => {
  const own = document.querySelector('link[rel="stylesheet"][href="' + CSS + '"]');
  if (own) {
    if (own.sheet) resolve();
    else own.addEventListener('load', resolve, { once: true });
    own.addEventListener('error', resolve, { once: true });
    return;
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = CSS;
  link.addEventListener('load', resolve, { once: true });
  link.addEventListener('error', resolve, { once: true });
  // before the page's own styles, as a <link> in the head would be: theirs win where both set something (the map's
  // background, the controls' size)
  document.head.insertBefore(link, document.querySelector('link[rel="stylesheet"]'));
});
