// The text form of a fault plan, used by `rebind simulate --faults` and tests:
//   seed=7,nak:2@PUT_STAGE,drop-ack@COMMIT#2,corrupt:0.01
// Grammar and examples: docs/simulator.md §5.
import { Command, isCommandCode } from '../../../../shared/rtp';
import { FAULT_KINDS } from './fault-plan';
import type { FaultKind, FaultPlan, FaultRule } from './fault-plan';

/** Parses a fault spec; throws an Error naming the bad item and what is allowed. */
export function parseFaultSpec(spec: string): FaultPlan {
  const rules: FaultRule[] = [];
  let seed: number | undefined;
  const items = spec.split(',').map((item) => item.trim());
  if (items.length === 1 && items[0] === '') return { rules };
  items.forEach((item, index) => {
    const where = `Fault spec item ${index + 1} "${item}"`;
    if (item === '') throw new Error(`${where} is empty: remove the extra comma.`);
    if (item.startsWith('seed=')) {
      const text = item.slice(5);
      if (!/^[0-9]{1,10}$/.test(text) || Number(text) > 0xffffffff) throw new Error(`${where}: the seed must be a whole number from 0 to 4294967295.`);
      if (seed !== undefined) throw new Error(`${where}: the seed is given twice.`);
      seed = Number(text);
      return;
    }
    rules.push(parseRule(item, where));
  });
  return seed === undefined ? { rules } : { seed, rules };
}

/** kind[:count|:probability][@COMMAND][#occurrence] */
function parseRule(item: string, where: string): FaultRule {
  const match = /^([a-z-]+)(?::([^@#]*))?(?:@([^#]*))?(?:#(.*))?$/i.exec(item);
  if (match === null) throw new Error(`${where}: write kind[:count|:probability][@COMMAND][#occurrence], e.g. nak:2@PUT_STAGE.`);
  const [, kindText = '', argText, commandText, occurrenceText] = match;
  const kind = kindText.toLowerCase();
  if (!isFaultKind(kind)) throw new Error(`${where}: "${kindText}" is not a fault; use one of ${FAULT_KINDS.join(', ')}.`);
  let times: number | undefined;
  let probability: number | undefined;
  if (argText !== undefined) {
    if (/^[0-9]+$/.test(argText) && Number(argText) >= 1 && Number(argText) <= 1000) times = Number(argText);
    else if (/^(0?\.[0-9]+|1\.0*)$/.test(argText) && Number(argText) > 0) probability = Number(argText);
    else throw new Error(`${where}: "${argText}" is neither a count (a whole number 1-1000) nor a probability (a decimal such as 0.01, above 0 and at most 1.0).`);
  }
  let command: number | undefined;
  if (commandText !== undefined) {
    command = parseCommand(commandText);
    if (command === undefined) throw new Error(`${where}: "${commandText}" is not a command; use a name such as COMMIT or PUT_STAGE, or a code such as 0x13.`);
  }
  if (kind === 'power-loss') {
    if (command !== undefined && command !== Command.COMMIT) throw new Error(`${where}: power-loss strikes between staging and the slot flip, so it applies to COMMIT only.`);
    command = Command.COMMIT;
  }
  let occurrence: number | undefined;
  if (occurrenceText !== undefined) {
    if (probability !== undefined) throw new Error(`${where}: a probabilistic fault fires at any occurrence; drop "#${occurrenceText}" or the probability.`);
    if (!/^[1-9][0-9]{0,5}$/.test(occurrenceText)) throw new Error(`${where}: "#${occurrenceText}" must be an occurrence number from 1, e.g. #2 for the second.`);
    occurrence = Number(occurrenceText);
  }
  return {
    kind,
    ...(command === undefined ? {} : { command }),
    ...(occurrence === undefined ? {} : { occurrence }),
    ...(times === undefined ? {} : { times }),
    ...(probability === undefined ? {} : { probability }),
  };
}

function isFaultKind(text: string): text is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(text);
}

function parseCommand(text: string): number | undefined {
  const upper = text.trim().toUpperCase();
  if (/^0X[0-9A-F]{1,2}$/.test(upper)) {
    const code = Number.parseInt(upper.slice(2), 16);
    return isCommandCode(code) ? code : undefined;
  }
  return Object.hasOwn(Command, upper) ? (Command as Record<string, number>)[upper] : undefined;
}
