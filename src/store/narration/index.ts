/** Narration: one plain sentence per scheduler step, folded from the trace (design.md §6). */
export { BEFORE_FIRST_STEP, listOf, narrateStep, sentenceOf } from './narrate.ts';
export type { NarrationContext } from './narrate.ts';
export { eventsOfStep, flavorOfTrace, narrationAt } from './narration-at.ts';
export type { StepSource } from './narration-at.ts';
export { factsOfStep } from './step-facts.ts';
export type { PollFacts, StepFacts } from './step-facts.ts';
export { choiceSentence, optionLabel, optionLabels, partedSentence } from './choice-words.ts';
export type { ChoiceEvent } from './choice-words.ts';
