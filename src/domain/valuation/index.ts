/**
 * Valuation (DESIGN section 5): FIFO layers, one policy for FIFO and moving average, and the
 * valuation reports; the moving-average primitives the app posts with.
 */
export * from './moving-average';
export * from './fifo';
export * from './policy';
export * from './reports';
