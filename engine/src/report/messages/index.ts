/** Message dictionaries by language. */
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** Languages the engine speaks. */
export type Language = 'zh-CN' | 'en';

/** Dictionaries by language. */
export const MESSAGES: Readonly<Record<Language, Readonly<Record<string, string>>>> = { 'zh-CN': zhCN, en };
