// The worker page (/): stations near me on a phone. Later: the nearest list (features/nearest.js).
import { boot } from './app.js';
import * as nearest from './features/nearest.js';

boot({ page: 'worker', features: [nearest] });
