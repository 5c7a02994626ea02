/** The call traffic simulator's public surface (see docs/calls-simulator.md). */
export {
  DEFAULT_SIMULATOR_PARAMETERS,
  resolveParameters,
  type SimulatorParameterOverrides,
  type SimulatorParameters,
} from './parameters.ts';
export {
  countOnPhonesByQuarterHour,
  createDefaultRoster,
  DEFAULT_SHIFTS,
  listAgentIds,
  removeAgents,
  type Roster,
  type RosterOptions,
  type ShiftPattern,
} from './roster.ts';
export {
  simulateCalls,
  type SimulateOptions,
  type SimulatedChannel,
  type SimulatedItem,
  type SimulatedOrder,
} from './simulate.ts';
export { summarizeCalls, type CallFigures, type CallSummary, type DayFigures } from './summary.ts';
