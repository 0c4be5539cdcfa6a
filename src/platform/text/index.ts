/**
 * Chinese text comparison shared by modules (proposals' duplicate detection and unit
 * suggestion; social-information items reuse it): segmentation, content words, TF-IDF cosine,
 * and threshold evaluation over labelled sets.
 */
export { segment, normalize, generalIdf } from './segment.js';
export { tokenize, distinct, withoutSubWords, FUNCTION_WORDS, BOILERPLATE, type TokenizeOptions } from './tokens.js';
export { idfFor, vectorOf, cosine, norm, statsOf, termFrequencies, type CorpusStats, type Idf, type IdfOptions, type Vector } from './similarity.js';
export { atThreshold, thresholdTable, chooseThreshold, topKAccuracy, averagePrecision, type Scored, type ThresholdRow } from './evaluation.js';
export { conceptOf, isConcept, membersOf, withConcepts, withCharBigrams } from './concepts.js';
