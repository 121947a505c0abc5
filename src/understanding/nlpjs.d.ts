/**
 * The parts of NLP.js (https://github.com/axa-group/nlp.js, v4) this bot uses. The packages ship no types;
 * these declarations are the one place that says what the bot relies on.
 */
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    register(name: string, value: unknown, isSingleton?: boolean): void;
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite?: boolean): void;
    get(name: string): unknown;
  }
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/nlu' {
  import type { Container } from '@nlpjs/core';
  export interface Classification {
    readonly intent: string;
    readonly score: number;
  }
  export interface NluResult {
    readonly locale: string;
    readonly intent: string;
    readonly score: number;
    readonly classifications: readonly Classification[];
  }
  export const NluNeural: unknown;
  export class NluManager {
    constructor(settings: Record<string, unknown>, container?: Container);
    add(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NluResult>;
    toJSON(): unknown;
    fromJSON(json: unknown): void;
  }
}

declare module '@nlpjs/ner' {
  import type { Container } from '@nlpjs/core';
  export interface NerEntity {
    readonly entity: string;
    readonly option: string;
    readonly accuracy: number;
    readonly start: number;
    readonly end: number;
    readonly len: number;
    readonly sourceText: string;
  }
  export class Ner {
    constructor(settings: Record<string, unknown>, container?: Container);
    addRuleOptionTexts(locale: string, entity: string, option: string, texts: readonly string[]): void;
    process(input: { locale: string; text: string }): Promise<{ entities: readonly NerEntity[] }>;
  }
  /** One entity's phrases as `Ner` keeps them: an option and the texts that name it. */
  export interface EnumRule {
    readonly name: string;
    readonly type: string;
    readonly rules: readonly { readonly option: string; readonly texts: readonly string[] }[];
  }
  /** The enumerated-entity extractor `Ner` looks up in its container as `extract-enum`. */
  export class ExtractorEnum {
    constructor(container?: Container);
    extractFromRule(text: string, rule: EnumRule, words: unknown, threshold: number): NerEntity[];
  }
}

declare module '@nlpjs/language' {
  export interface LanguageGuess {
    readonly alpha2: string;
    readonly score: number;
  }
  export class Language {
    guess(utterance: string, allowList?: readonly string[], limit?: number): LanguageGuess[];
  }
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
declare module '@nlpjs/lang-de' {
  export const LangDe: unknown;
}
declare module '@nlpjs/lang-fr' {
  export const LangFr: unknown;
}
declare module '@nlpjs/lang-es' {
  export const LangEs: unknown;
}
declare module '@nlpjs/lang-nl' {
  export const LangNl: unknown;
}
declare module '@nlpjs/lang-pl' {
  export const LangPl: unknown;
}
declare module '@nlpjs/lang-it' {
  export const LangIt: unknown;
}
declare module '@nlpjs/lang-pt' {
  export const LangPt: unknown;
}
