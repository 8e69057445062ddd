/**
 * A rule's conditions as rows of the form: each comparison is a row of fact · params · operator ·
 * value, labelled from the fact and operator registries with their documentation at hand; groups
 * (all / any / not) nest, and conditions may be added to a group or removed from it.
 */
import { type JSONPath } from 'jsonc-parser';
import { fillTemplate } from '../../../../engine/src/report/createFinding.js';
import { type UiStrings } from '../../i18n/ui.js';
import { FACT_NAMES, OPERATOR_NAMES, factHelpText, factLabel, operatorHelpText, operatorLabel } from '../../rules/vocabulary.js';
import { type UiLanguage } from '../../state/shareState.js';
import { type Binder, type FormHost, isRecord, valueAt } from './controls.js';

/** A condition added to a group: a check that the document states its fiscal year. */
const NEW_CONDITION = { fact: 'document', path: '/meta/fiscalYear', operator: 'isPresent', value: true };

/** What rendering the conditions needs. */
export interface ConditionContext {
  readonly binder: Binder;
  readonly host: FormHost;
  readonly strings: UiStrings;
  readonly language: UiLanguage;
  /** Numbers the comparisons across the form (1, 2, …). */
  next(): number;
}

function text(tag: keyof HTMLElementTagNameMap, className: string, content: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = content;
  return element;
}

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

/**
 * A condition or a group of them, at a path of the rule.
 * @param context The form's binder, host and strings.
 * @param path Where it is in the rule.
 * @param value Its JSON.
 * @param removable Whether it may be removed from its group.
 */
export function conditionFields(context: ConditionContext, path: JSONPath, value: unknown, removable = false): HTMLElement {
  if (!isRecord(value)) return text('p', 'form-note', JSON.stringify(value));
  for (const key of ['all', 'any'] as const) {
    const children = value[key];
    if (Array.isArray(children)) return groupFields(context, path, key, children);
  }
  if ('not' in value) {
    const group = document.createElement('div');
    group.className = 'condition-group';
    group.append(text('p', 'group-label', context.strings.combineNot), conditionFields(context, [...path, 'not'], value.not));
    return group;
  }
  return comparisonFields(context, path, value, removable);
}

function groupFields(context: ConditionContext, path: JSONPath, key: 'all' | 'any', children: readonly unknown[]): HTMLElement {
  const { binder, host, strings } = context;
  const group = document.createElement('div');
  group.className = 'condition-group';
  const combinator = binder.select(
    `${path.join('/')}/*combinator`,
    [
      ['all', strings.combineAll],
      ['any', strings.combineAny],
    ],
    (rule) => (Array.isArray(valueAt(rule, [...path, 'any'])) ? 'any' : 'all'),
    (chosen) => {
      if (chosen !== key) host.set(path, { [chosen]: children });
    },
  );
  group.append(binder.labelled(strings.combinator, combinator, 'inline'));
  children.forEach((child, index) => {
    group.append(conditionFields(context, [...path, key, index], child, children.length > 1));
  });
  group.append(
    button(`+ ${strings.addCondition}`, 'add-condition', () => {
      host.append([...path, key], NEW_CONDITION);
    }),
  );
  return group;
}

function comparisonFields(context: ConditionContext, path: JSONPath, condition: Readonly<Record<string, unknown>>, removable: boolean): HTMLElement {
  const { binder, host, strings, language } = context;
  const number = context.next();
  const field = (name: string) => `${path.join('/')}/${name}`;
  const row = document.createElement('fieldset');
  row.className = 'condition';
  row.append(text('legend', '', fillTemplate(strings.condition, { n: number })));
  const factOptions = FACT_NAMES.map((name) => [name, `${factLabel(name, language)} · ${name}`] as const);
  const operatorOptions = OPERATOR_NAMES.map((name) => [name, `${operatorLabel(name, language)} · ${name}`] as const);
  const stringAt = (rule: Readonly<Record<string, unknown>>, at: JSONPath) => {
    const found = valueAt(rule, at);
    return typeof found === 'string' ? found : '';
  };

  const fact = binder.select(
    field('fact'),
    factOptions,
    (rule) => stringAt(rule, [...path, 'fact']),
    (name) => {
      host.set([...path, 'fact'], name);
    },
  );
  const params = binder.json(
    field('params'),
    (rule) => valueAt(rule, [...path, 'params']),
    (value) => {
      host.set([...path, 'params'], value);
    },
    { optional: true },
  );
  const operator = binder.select(
    field('operator'),
    operatorOptions,
    (rule) => stringAt(rule, [...path, 'operator']),
    (name) => {
      host.set([...path, 'operator'], name);
    },
  );
  const isReference = (rule: Readonly<Record<string, unknown>>) => {
    const value = valueAt(rule, [...path, 'value']);
    return isRecord(value) && typeof value.fact === 'string';
  };
  const kind = binder.select(
    field('*valueKind'),
    [
      ['constant', strings.valueConstant],
      ['fact', strings.valueFact],
    ],
    (rule) => (isReference(rule) ? 'fact' : 'constant'),
    (chosen) => {
      host.set([...path, 'value'], chosen === 'fact' ? { fact: 'cell', params: {} } : '0');
    },
  );
  const line = document.createElement('div');
  line.className = 'condition-line';
  line.append(binder.labelled(strings.fact, fact), binder.labelled(strings.params, params), binder.labelled(strings.operator, operator), binder.labelled(strings.valueKind, kind));
  const value = condition.value;
  const valueFact = isRecord(value) && typeof value.fact === 'string' ? value.fact : undefined;
  if (valueFact !== undefined) {
    const referenced = binder.select(
      field('value/fact'),
      factOptions,
      (rule) => stringAt(rule, [...path, 'value', 'fact']),
      (name) => {
        host.set([...path, 'value', 'fact'], name);
      },
    );
    const referencedParams = binder.json(
      field('value/params'),
      (rule) => valueAt(rule, [...path, 'value', 'params']),
      (changed) => {
        host.set([...path, 'value', 'params'], changed);
      },
      { optional: true },
    );
    line.append(binder.labelled(strings.valueFactName, referenced), binder.labelled(strings.valueParams, referencedParams));
  } else {
    const constant = binder.json(
      field('value'),
      (rule) => valueAt(rule, [...path, 'value']),
      (changed) => {
        host.set([...path, 'value'], changed);
      },
    );
    line.append(binder.labelled(strings.value, constant));
  }
  if ('path' in condition) {
    const pointer = binder.text(
      field('path'),
      (rule) => stringAt(rule, [...path, 'path']),
      (changed) => {
        host.set([...path, 'path'], changed === '' ? undefined : changed);
      },
    );
    line.append(binder.labelled(strings.path, pointer));
  }
  row.append(line);

  // The registries' own documentation of what this row uses.
  const help = document.createElement('details');
  help.className = 'condition-help';
  help.append(text('summary', '', strings.help));
  const names = [
    typeof condition.fact === 'string' ? ['fact', condition.fact] : undefined,
    typeof condition.operator === 'string' ? ['operator', condition.operator] : undefined,
    valueFact === undefined ? undefined : ['fact', valueFact],
  ];
  for (const entry of names) {
    if (entry === undefined) continue;
    const [what, name] = entry as [string, string];
    const explanation = what === 'fact' ? factHelpText(name, language) : operatorHelpText(name, language);
    const label = what === 'fact' ? factLabel(name, language) : operatorLabel(name, language);
    const paragraph = document.createElement('p');
    paragraph.append(text('strong', '', language === 'zh-CN' ? `${label}（${name}）` : `${label} (${name})`), ` ${explanation}`);
    help.append(paragraph);
  }
  row.append(help);
  if (removable) {
    const parent = path.slice(0, -1);
    const index = path.at(-1) as number;
    row.append(
      button(fillTemplate(strings.removeCondition, { n: number }), 'remove-condition', () => {
        host.set([...parent, index], undefined);
      }),
    );
  }
  return row;
}
