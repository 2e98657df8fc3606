// Script-tag entry of the richer build (dist/touchpoint.vitals.js): the base plus web vitals.
import { trackVitals } from './vitals'
import './embed'

trackVitals()
