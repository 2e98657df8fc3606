// Entry of dist/touchpoint.touchpoints.js (the npm module's touchpoints chunk): the scanner of
// data-touchpoint elements and its triggers, fetched by the core once a page declares one.
export { scanTouchpoints } from './scan'
