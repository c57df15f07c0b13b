/** Batch picking: walk order of bins, pick list planning, pick confirmation. */
export { binPath, compareBins, compareNatural, type BinSegment } from './bins';
export {
  buildWalk, cleanQty, planPickList,
  type Allocation, type ExpiredStock, type OpenLine, type PickableStock, type PickPlan, type PlanOptions, type Shortage,
  type WalkAllocation, type WalkLine,
} from './pick-list';
export {
  distributePicked, type DistributeResult, type PickedAllocation, type PickedLine, type PickProblem, type PickProblemCode, type PickShort,
} from './confirm';
