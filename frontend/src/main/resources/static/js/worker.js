// The worker page (/): the nearest stations on a phone (features/nearest.js).
import { boot } from './app.js';
import * as nearest from './features/nearest.js';

const near = () => window.servicemap && window.servicemap.nearest;

boot({
  page: 'worker',
  features: [nearest],
  stationOptions: {
    popup: nearest.workerPopup,
    noPopup: (f) => !!near() && near().isListed(f),
    onSelect: (f) => near() && near().onMarker(f),
  },
});
